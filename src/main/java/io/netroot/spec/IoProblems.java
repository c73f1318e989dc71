package io.netroot.spec;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Says in words why reading a file failed: "permission denied", not {@code AccessDeniedException}.
 * A message about the specs names the file and the reason, never a Java class.
 */
final class IoProblems {

  private IoProblems() {}

  static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "does not exist";
    }
    if (e instanceof NotDirectoryException) {
      return "is not a directory";
    }
    if (e instanceof FileSystemLoopException) {
      return "is in a loop of symbolic links";
    }
    if (e instanceof FileSystemException fs
        && fs.getReason() != null
        && fs.getReason().startsWith("Too many levels of symbolic links")) {
      // ELOOP; the JDK adds "or unable to access attributes of symbolic link" to strerror's text
      return "a loop of symbolic links, or too many levels of them";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      // the operating system's own words (strerror), such as "Too many levels of symbolic links"
      String reason = fs.getReason();
      return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? "an input/output error" : message;
  }
}
