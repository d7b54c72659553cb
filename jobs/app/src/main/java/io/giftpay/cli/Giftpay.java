package io.giftpay.cli;

import io.giftpay.night.NightFailure;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Giftpay's command line. {@code main} only picks the command; each command parses its own
 * options, and every failure ends as one plain line on stderr with a non-zero exit (the stack
 * trace goes to the log file).
 */
public final class Giftpay {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  static final String USAGE_TEXT =
      """
      giftpay: the nightly payout and fraud pipeline of a live-streaming gift economy.

      Usage: giftpay <command> [options]

      Commands:
        nightly    run the night for a business date (or a range of dates) on a ledger
        generate   write a synthetic ledger in the contract's layout
        demo       generate a small ledger if absent and run all its nights on the defaults
        evaluate   score the flags of a warehouse against a generated ledger's labels
        backtest   try a rule set over past nights' kept feature views (publishes nothing)
        help       print this text, or 'giftpay help <command>' for a command's options

      Exit status: 0 success, 1 the work failed (the message says which file, date or
      setting), 2 the command line is wrong.
      """;

  private Giftpay() {}

  public static void main(String[] args) {
    int status = run(Arrays.asList(args), System.out, System.err);
    System.out.flush();
    System.exit(status);
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
      out.print(USAGE_TEXT);
      return args.isEmpty() ? USAGE : OK;
    }
    String name = args.get(0);
    List<String> rest = args.subList(1, args.size());
    if (name.equals("help")) {
      if (rest.isEmpty()) {
        out.print(USAGE_TEXT);
        return OK;
      }
      name = rest.get(0);
      rest = List.of("--help");
    }
    Command command = command(name);
    if (command == null) {
      err.println("giftpay: unknown command '" + name + "'");
      err.println("Run 'giftpay --help' for the commands.");
      return USAGE;
    }
    if (rest.contains("--help") || rest.contains("-h")) {
      out.print(command.help());
      return OK;
    }
    try {
      return command.run(rest, out);
    } catch (UsageException e) {
      err.println("giftpay " + name + ": " + e.getMessage());
      err.println("Run 'giftpay " + name + " --help' for its options.");
      return USAGE;
    } catch (NightFailure | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      Logs.failure(e);
      err.println("giftpay " + name + ": " + e.getMessage());
      return FAILED;
    } catch (RuntimeException e) {
      Logs.failure(e);
      err.println("giftpay " + name + ": unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()
          + " (stack trace in " + Logs.file() + ")");
      return FAILED;
    }
  }

  private static Command command(String name) {
    return switch (name) {
      case "nightly" -> new NightlyCommand();
      case "generate" -> new GenerateCommand();
      case "demo" -> new DemoCommand();
      case "evaluate" -> new EvaluateCommand();
      case "backtest" -> new BacktestCommand();
      default -> null;
    };
  }

  /** One subcommand. */
  interface Command {
    String help();

    int run(List<String> args, PrintStream out);
  }
}
