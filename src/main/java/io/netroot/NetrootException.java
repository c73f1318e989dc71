package io.netroot;

/**
 * The base of every error netroot reports to the user. The command line maps each kind to an exit
 * code and prints its message on one line; the stack trace only with {@code --debug}.
 */
public class NetrootException extends RuntimeException {

  public NetrootException(String message) {
    super(message);
  }

  public NetrootException(String message, Throwable cause) {
    super(message, cause);
  }
}
