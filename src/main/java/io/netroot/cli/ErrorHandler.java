package io.netroot.cli;

import io.netroot.NetrootException;
import io.netroot.spec.SpecError;
import io.netroot.spec.SpecInvalidException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Turns an exception into one line per problem on stderr and exit code 1; the stack trace only with
 * {@code --debug}. Under {@code --json} the problems are also a JSON document on stdout ({@link
 * JsonDiagnostics}), so a script reading stdout gets JSON whatever happened.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    StringWriter text = new StringWriter();
    PrintWriter err = new PrintWriter(text);
    if (e instanceof SpecInvalidException invalid) {
      for (SpecError error : invalid.errors()) {
        err.println(error);
      }
      err.println(
          invalid.errors().size()
              + (invalid.errors().size() == 1 ? " error" : " errors")
              + "; nothing was changed");
    } else if (e instanceof NetrootException) {
      err.println("error: " + e.getMessage());
    } else {
      err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    if (parseResult.originalArgs().contains("--debug") || !(e instanceof NetrootException)) {
      e.printStackTrace(err);
    }
    err.flush();
    // under journald the lines carry the error priority, so journalctl -p err finds them
    commandLine
        .getErr()
        .print(
            JournalStream.isStderr()
                ? SyslogPriority.prefixLines(SyslogPriority.ERR, text.toString())
                : text.toString());
    commandLine.getErr().flush();
    if (parseResult.originalArgs().contains("--json")) {
      commandLine.getOut().println(JsonDiagnostics.of(commandLine.getCommandName(), e));
      commandLine.getOut().flush();
    }
    return ExitCodes.ERROR;
  }
}
