package io.giftpay.cli;

import io.giftpay.night.NightFailure;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * The work failed: one plain line on stderr, {@code giftpay <command>: <message>}, the stack trace
 * in the log, exit 1. The failures a command raises on purpose carry their message as is; anything
 * else is a bug and says so.
 */
final class WorkFailures implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception e, CommandLine command, CommandLine.ParseResult parsed) {
    Logs.failure(e);
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    if (e instanceof NightFailure
        || e instanceof IllegalArgumentException
        || e instanceof IllegalStateException
        || e instanceof UncheckedIOException) {
      err.println(name + ": " + e.getMessage());
    } else {
      err.println(
          name
              + ": unexpected "
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + " (stack trace in "
              + Logs.file()
              + ")");
    }
    err.flush();
    return Giftpay.FAILED;
  }
}
