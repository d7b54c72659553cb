package io.giftpay.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Giftpay's command line, on picocli: the parser and every {@code --help} come from the same
 * annotations.
 *
 * <p>Adding a command: write {@code @Command(name = "x", mixinStandardHelpOptions = true, header =
 * "one line for the command list", description = {...}) final class XCommand implements
 * Callable<Integer>} in this package, reuse the option mixins ({@link SparkOptions}, {@link
 * ConfigOption}, {@link WarehouseOption}, {@link LedgerOption}, {@link NightRange}) with
 * {@code @Mixin} / {@code @ArgGroup}, and add its class to {@code subcommands} below: that is the
 * only change outside the new class. Its {@code call()} prints its report to {@link
 * #out(CommandSpec)} and returns {@link #OK}; it has no try/catch of its own:
 *
 * <ul>
 *   <li>the work failed (exit 1): throw {@code IllegalArgumentException}, {@code
 *       IllegalStateException}, {@code UncheckedIOException} or {@code NightFailure} with one plain
 *       message naming the file, date or setting ("Invalid --ledger: x (no such folder)"); stderr
 *       gets {@code giftpay <command>: <message>}, the log the stack trace. Any other exception is
 *       reported as unexpected, with a pointer to the log.
 *   <li>the command line is wrong (exit 2): throw {@code new CommandLine.ParameterException(
 *       spec.commandLine(), msg)} (with {@code @Spec CommandSpec spec}); stderr gets the message
 *       and "Run 'giftpay <command> --help' for its options."
 * </ul>
 *
 * A command with subcommands of its own (e.g. {@code review queue|show|decide}) lists them in its
 * own {@code subcommands}; its {@code call()}, run when no subcommand is given, prints its usage
 * and returns {@link #USAGE}, as {@link #call()} here does. Options of type LocalDate, int, long
 * and double are converted (and refused plainly) by {@link Converters}; check ranges in {@code
 * call()} with {@link Usage}.
 */
@Command(
    name = "giftpay",
    mixinStandardHelpOptions = true,
    versionProvider = Giftpay.Version.class,
    header = "giftpay: the nightly payout and fraud pipeline of a live-streaming gift economy.",
    commandListHeading = "%nCommands:%n",
    description =
        "Run 'giftpay help <command>' or 'giftpay <command> --help' for a command's options.",
    subcommands = {
      NightlyCommand.class,
      GenerateCommand.class,
      DemoCommand.class,
      EvaluateCommand.class,
      BacktestCommand.class,
      ReviewCommand.class,
      ReportCommand.class,
      SqlCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class Giftpay implements Callable<Integer> {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  /** Shown under every command's help. */
  private static final Map<String, String> EXIT_STATUS = exitStatus();

  @Spec CommandSpec spec;

  private final PrintStream out;

  private Giftpay(PrintStream out) {
    this.out = out;
  }

  /** The stream a command prints its report to (picocli's {@code getOut()} is a writer on it). */
  static PrintStream out(CommandSpec spec) {
    return ((Giftpay) spec.root().userObject()).out;
  }

  public static void main(String[] args) {
    int status = run(Arrays.asList(args), System.out, System.err);
    System.out.flush();
    System.exit(status);
  }

  /**
   * Runs one command line; the exit status is 0 success, 1 the work failed, 2 the command line is
   * wrong.
   */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    try {
      return commandLine(out, outWriter, errWriter).execute(args.toArray(String[]::new));
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }

  private static CommandLine commandLine(PrintStream stream, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Giftpay(stream));
    Converters.register(cli);
    cli.setOut(out)
        .setErr(err)
        .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
        .setExpandAtFiles(false)
        .setParameterExceptionHandler(new UsageErrors())
        .setExecutionExceptionHandler(new WorkFailures());
    // One layout for every command's help: options in the order they are declared, and the exit
    // status.
    forEach(
        cli,
        c -> {
          CommandLine.Model.UsageMessageSpec usage = c.getCommandSpec().usageMessage();
          usage
              .synopsisHeading("%nUsage: ")
              .descriptionHeading("%n")
              .optionListHeading("%nOptions:%n")
              .sortOptions(false);
          if (usage.exitCodeList().isEmpty()) {
            usage.exitCodeListHeading("%nExit status:%n").exitCodeList(EXIT_STATUS);
          }
        });
    return cli;
  }

  /** {@code giftpay} without a command: the usage, and exit 2 (a command is required). */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return USAGE;
  }

  private static void forEach(CommandLine cli, java.util.function.Consumer<CommandLine> action) {
    action.accept(cli);
    cli.getSubcommands().values().forEach(sub -> forEach(sub, action));
  }

  private static Map<String, String> exitStatus() {
    Map<String, String> status = new LinkedHashMap<>();
    status.put(Integer.toString(OK), "success");
    status.put(
        Integer.toString(FAILED),
        "the work failed: one plain line on stderr says which file, date or setting"
            + " (the stack trace is in the log)");
    status.put(Integer.toString(USAGE), "the command line is wrong");
    return status;
  }

  /** {@code --version}: the jar's Implementation-Version when packaged with one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Giftpay.class.getPackage().getImplementationVersion();
      return new String[] {
        "giftpay "
            + (version == null ? "(development build)" : version)
            + ", Java "
            + System.getProperty("java.version")
      };
    }
  }
}
