package io.giftpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: true help, exit codes, one plain line per failure. */
class GiftpayCliTest {
  private record Result(int status, String out, String err) {}

  private static Result giftpay(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Giftpay.run(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpListsEveryCommandAndEveryOption() {
    Result help = giftpay("--help");
    assertEquals(0, help.status);
    for (String command : List.of("nightly", "generate", "demo")) {
      assertTrue(help.out.contains("  " + command + " "), command);
    }
    String nightly = giftpay("nightly", "--help").out;
    for (String option :
        List.of(
            "--date",
            "--from",
            "--to",
            "--ledger",
            "--warehouse",
            "--master",
            "--config",
            "--empty-day")) {
      assertTrue(nightly.contains(option), option);
    }
    String generate = giftpay("help", "generate").out;
    for (String option :
        List.of("--out", "--start", "--days", "--users", "--creators", "--seed", "--format")) {
      assertTrue(generate.contains(option), option);
    }
    assertTrue(giftpay("demo", "-h").out.contains("--fresh"));
  }

  @Test
  void usageErrorsExitTwoAndSayWhatIsWrong() {
    Result unknown = giftpay("payday");
    assertEquals(2, unknown.status);
    assertTrue(unknown.err.contains("unknown command 'payday'"), unknown.err);

    Result noDate = giftpay("nightly", "--ledger", "l", "--warehouse", "w");
    assertEquals(2, noDate.status);
    assertTrue(noDate.err.contains("(--date=D | (--from=D1 --to=D2))"), noDate.err);

    Result badDate =
        giftpay("nightly", "--date", "2026-13-01", "--ledger", "l", "--warehouse", "w");
    assertEquals(2, badDate.status);
    assertTrue(
        badDate.err.contains("Invalid --date: '2026-13-01' (expected YYYY-MM-DD)"), badDate.err);

    Result both =
        giftpay(
            "nightly",
            "--date",
            "2026-11-01",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-02",
            "--ledger",
            "l",
            "--warehouse",
            "w");
    assertEquals(2, both.status);

    Result backwards =
        giftpay(
            "nightly",
            "--from",
            "2026-11-05",
            "--to",
            "2026-11-01",
            "--ledger",
            "l",
            "--warehouse",
            "w");
    assertEquals(2, backwards.status);
    assertTrue(backwards.err.contains("Invalid --to"), backwards.err);

    Result typo = giftpay("nightly", "--dat", "2026-11-01");
    assertEquals(2, typo.status);
    assertTrue(typo.err.contains("Unknown option '--dat'"), typo.err);

    Result badFormat =
        giftpay(
            "generate",
            "--out",
            "x",
            "--start",
            "2026-11-01",
            "--days",
            "1",
            "--users",
            "10",
            "--creators",
            "1",
            "--seed",
            "1",
            "--format",
            "xml");
    assertEquals(2, badFormat.status);
    assertTrue(badFormat.err.contains("Invalid --format: 'xml'"), badFormat.err);
  }

  @Test
  void aMissingLedgerFolderIsNamed(@TempDir Path dir) {
    Result missing =
        giftpay(
            "nightly",
            "--date",
            "2026-11-01",
            "--ledger",
            dir.resolve("nowhere").toString(),
            "--warehouse",
            dir.resolve("wh").toString());
    assertEquals(1, missing.status);
    assertEquals(
        List.of(
            "giftpay nightly: Invalid --ledger: " + dir.resolve("nowhere") + " (no such folder)"),
        missing.err.lines().toList());
  }

  private static final Map<String, List<String>> OPTIONS =
      Map.of(
          "nightly",
              List.of(
                  "--date=D",
                  "--from=D1",
                  "--to=D2",
                  "--ledger=DIR",
                  "--warehouse=DIR",
                  "--master=URL",
                  "--config=FILE",
                  "--empty-day"),
          "generate",
              List.of(
                  "--out=DIR",
                  "--start=D",
                  "--days=N",
                  "--users=N",
                  "--creators=N",
                  "--seed=S",
                  "--format=F",
                  "--pattern-scale=X",
                  "--lookalike-scale=X",
                  "--config=FILE"),
          "demo", List.of("--ledger=DIR", "--warehouse=DIR", "--fresh"),
          "evaluate", List.of("--ledger=DIR", "--warehouse=DIR", "--config=FILE", "--master=URL"),
          "backtest",
              List.of(
                  "--rules=DIR",
                  "--from=D1",
                  "--to=D2",
                  "--warehouse=DIR",
                  "--ledger=DIR",
                  "--config=FILE",
                  "--master=URL"));

  @Test
  void topLevelHelpListsEveryCommandWithItsSummary() {
    Result help = giftpay("--help");
    assertEquals(0, help.status);
    assertEquals("", help.err);
    for (String command : List.of("nightly", "generate", "demo", "evaluate", "backtest", "help")) {
      assertTrue(
          help.out.lines().anyMatch(l -> l.matches("  " + command + " +\\S.*")),
          command + " in\n" + help.out);
    }
    assertTrue(help.out.contains("2   the command line is wrong"), help.out);
    assertEquals(help.out, giftpay("help").out, "'giftpay help' is '--help'");
  }

  @Test
  void noCommandPrintsTheUsageAndExitsTwo() {
    Result none = giftpay();
    assertEquals(2, none.status);
    assertTrue(none.out.contains("Commands:"), none.out);
  }

  @Test
  void everyCommandsHelpExitsZeroAndShowsEachOfItsOptionsWithADescription() {
    OPTIONS.forEach(
        (command, options) -> {
          Result help = giftpay(command, "--help");
          assertEquals(0, help.status, command);
          assertTrue(help.out.contains("Usage: giftpay " + command + " "), help.out);
          for (String option : options) {
            assertTrue(
                help.out
                    .lines()
                    .anyMatch(
                        l -> l.matches(" +" + java.util.regex.Pattern.quote(option) + " +\\S.*")),
                command + " " + option + " described in\n" + help.out);
          }
          assertEquals(
              help.out,
              giftpay("help", command).out,
              "'giftpay help " + command + "' is '" + command + " --help'");
        });
  }

  /** A usage error is the message on one line and where to look on a second, nothing else. */
  private static void assertUsageError(Result result, String command, String message) {
    assertEquals(2, result.status, result.err);
    List<String> lines = result.err.lines().toList();
    assertEquals(2, lines.size(), result.err);
    assertTrue(
        lines.get(0).startsWith("giftpay " + command + ": ") && lines.get(0).contains(message),
        result.err);
    assertEquals("Run 'giftpay " + command + " --help' for its options.", lines.get(1));
    assertEquals("", result.out);
  }

  @Test
  void eachKindOfUsageErrorIsTwoPlainLinesAndExitTwo() {
    Result unknown = giftpay("nightlyy");
    assertEquals(2, unknown.status);
    assertEquals(
        List.of(
            "giftpay: unknown command 'nightlyy' (did you mean nightly?)",
            "Run 'giftpay --help' for the commands."),
        unknown.err.lines().toList());

    assertUsageError(
        giftpay("nightly", "--dat", "2026-11-01", "--ledger", "l", "--warehouse", "w"),
        "nightly",
        "Unknown option '--dat' (did you mean --date?)");
    assertUsageError(
        giftpay("nightly", "--date", "2026-11-01", "--ledger", "l"),
        "nightly",
        "'--warehouse=DIR'");
    assertUsageError(giftpay("evaluate", "--warehouse", "w"), "evaluate", "'--ledger=DIR'");
    assertUsageError(
        giftpay("nightly", "--date", "x", "--ledger", "l", "--warehouse", "w"),
        "nightly",
        "Invalid --date: 'x' (expected YYYY-MM-DD)");
    assertUsageError(
        giftpay(
            "nightly",
            "--date",
            "2026-11-01",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-02",
            "--ledger",
            "l",
            "--warehouse",
            "w"),
        "nightly",
        "mutually exclusive");
    assertUsageError(
        giftpay(
            "nightly",
            "--date",
            "2026-11-01",
            "--from",
            "2026-11-01",
            "--ledger",
            "l",
            "--warehouse",
            "w"),
        "nightly",
        "--to");
    assertUsageError(
        giftpay(
            "nightly",
            "--date",
            "2026-11-01",
            "--date",
            "2026-11-02",
            "--ledger",
            "l",
            "--warehouse",
            "w"),
        "nightly",
        "option '--date' should be specified only once");
    assertUsageError(
        giftpay(
            "nightly",
            "--from",
            "2016-01-01",
            "--to",
            "2026-11-01",
            "--ledger",
            "l",
            "--warehouse",
            "w"),
        "nightly",
        "Invalid --to: 2026-11-01 (more than 3660 nights)");
    assertUsageError(
        giftpay(
            "generate",
            "--out",
            "x",
            "--start",
            "2026-11-01",
            "--days",
            "0",
            "--users",
            "10",
            "--creators",
            "1",
            "--seed",
            "1"),
        "generate",
        "Invalid --days: 0 (must be 1 to 366)");
    assertUsageError(
        giftpay(
            "generate",
            "--out",
            "x",
            "--start",
            "2026-11-01",
            "--days",
            "1",
            "--users",
            "ten",
            "--creators",
            "1",
            "--seed",
            "1"),
        "generate",
        "Invalid --users: 'ten' (not a whole number)");
    assertUsageError(
        giftpay(
            "generate",
            "--out",
            "x",
            "--start",
            "2026-11-01",
            "--days",
            "1",
            "--users",
            "10",
            "--creators",
            "10",
            "--seed",
            "1"),
        "generate",
        "Invalid --creators: 10 (must be 1 to 9)");
    assertUsageError(
        giftpay(
            "generate",
            "--out",
            "x",
            "--start",
            "2026-11-01",
            "--days",
            "1",
            "--users",
            "10",
            "--creators",
            "1",
            "--seed",
            "1",
            "--pattern-scale",
            "101"),
        "generate",
        "Invalid --pattern-scale: 101 (must be 0 to 100)");
  }

  @Test
  void backtestReportsAUsageErrorWithExitTwo() {
    assertUsageError(
        giftpay(
            "backtest",
            "--rules",
            "r",
            "--from",
            "2026-11-05",
            "--to",
            "2026-11-01",
            "--warehouse",
            "w"),
        "backtest",
        "Invalid --to: 2026-11-01 (before --from 2026-11-05)");
    assertUsageError(
        giftpay("backtest", "--rules", "r", "--from", "2026-11-01", "--warehouse", "w"),
        "backtest",
        "--to");
  }

  @Test
  void evaluateAndBacktestReadTheirConfig(@TempDir Path dir) throws Exception {
    Path ledger = Files.createDirectories(dir.resolve("ledger/_truth"));
    Files.writeString(ledger.resolve("labels.csv"), "account_id,role,pattern\n");
    Files.createDirectories(dir.resolve("wh/flags"));
    Path config = dir.resolve("missing.properties");
    Result evaluate =
        giftpay(
            "evaluate",
            "--ledger",
            dir.resolve("ledger").toString(),
            "--warehouse",
            dir.resolve("wh").toString(),
            "--config",
            config.toString());
    assertEquals(1, evaluate.status, evaluate.err);
    assertEquals(
        List.of("giftpay evaluate: Invalid --config: " + config + " (no such file)"),
        evaluate.err.lines().toList());

    Result backtest =
        giftpay(
            "backtest",
            "--rules",
            Path.of("../../rules/detection").toString(),
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-01",
            "--warehouse",
            dir.resolve("wh").toString(),
            "--config",
            config.toString());
    assertEquals(1, backtest.status, backtest.err);
    assertEquals(
        List.of("giftpay backtest: Invalid --config: " + config + " (no such file)"),
        backtest.err.lines().toList());
  }

  @Test
  void aWorkFailureOfEveryCommandIsOnePlainLineAndExitOne(@TempDir Path dir) {
    Result evaluate =
        giftpay(
            "evaluate",
            "--ledger",
            dir.resolve("nowhere").toString(),
            "--warehouse",
            dir.resolve("wh").toString());
    assertEquals(1, evaluate.status);
    assertEquals(
        List.of(
            "giftpay evaluate: Invalid --ledger: no "
                + dir.resolve("nowhere/_truth/labels.csv")
                + " (evaluate needs a generated ledger's truth)"),
        evaluate.err.lines().toList());

    Result backtest =
        giftpay(
            "backtest",
            "--rules",
            dir.resolve("no-rules").toString(),
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-01",
            "--warehouse",
            dir.resolve("wh").toString());
    assertEquals(1, backtest.status);
    assertEquals(1, backtest.err.lines().count(), backtest.err);
    assertTrue(
        backtest.err.startsWith("giftpay backtest: ") && backtest.err.contains("no-rules"),
        backtest.err);
  }

  @Test
  void aBrokenRuleFileStopsTheNightBeforeAnythingIsReadNamingFileAndField(@TempDir Path dir)
      throws Exception {
    Path rules = Files.createDirectories(dir.resolve("detection"));
    Files.copy(
        Path.of("src/test/resources/detection/broken/unknown-column-in-condition.yaml"),
        rules.resolve("unknown-column-in-condition.yaml"));
    Path config = dir.resolve("giftpay.properties");
    Files.writeString(
        config,
        "giftpay.rules.dir="
            + Path.of("../../rules").toAbsolutePath()
            + "\n"
            + "giftpay.detection.rules-dir="
            + rules
            + "\n");
    Files.createDirectories(dir.resolve("ledger"));
    Result broken =
        giftpay(
            "nightly",
            "--date",
            "2026-11-01",
            "--ledger",
            dir.resolve("ledger").toString(),
            "--warehouse",
            dir.resolve("wh").toString(),
            "--config",
            config.toString());
    assertEquals(1, broken.status);
    assertTrue(
        broken.err.contains(
            "unknown-column-in-condition.yaml: field 'condition': unknown column 'coins_tonight'"),
        broken.err);
    assertTrue(
        Files.notExists(dir.resolve("wh/_giftpay/job-repository")),
        "stopped before the job repository was opened");
  }

  @Test
  void aMisspeltSettingStopsTheNightBeforeAnythingIsReadNamingItAndTheNearestKey(@TempDir Path dir)
      throws Exception {
    Path config = Path.of("src/test/resources/config/misspelt-setting.properties");
    Files.createDirectories(dir.resolve("ledger"));
    Result broken =
        giftpay(
            "nightly",
            "--date",
            "2026-11-01",
            "--ledger",
            dir.resolve("ledger").toString(),
            "--warehouse",
            dir.resolve("wh").toString(),
            "--config",
            config.toString());
    assertEquals(1, broken.status);
    assertEquals(
        "giftpay nightly: Invalid --config "
            + config
            + ": unknown setting 'giftpay.spark.shuffle-partition'"
            + " (did you mean giftpay.spark.shuffle-partitions?)",
        broken.err.strip());
    assertTrue(Files.notExists(dir.resolve("wh")), "stopped before the warehouse was touched");
  }

  @Test
  void aBrokenPolicyStopsTheNightBeforeAnythingIsReadNamingFileAndKey(@TempDir Path dir)
      throws Exception {
    Path policy =
        Path.of("src/test/resources/config/diamond-value-not-dividing-a-cent.properties")
            .toAbsolutePath();
    Path config = dir.resolve("giftpay.properties");
    Files.writeString(config, "giftpay.policy.file=" + policy + "\n");
    Files.createDirectories(dir.resolve("ledger"));
    Result broken =
        giftpay(
            "nightly",
            "--date",
            "2026-11-01",
            "--ledger",
            dir.resolve("ledger").toString(),
            "--warehouse",
            dir.resolve("wh").toString(),
            "--config",
            config.toString());
    assertEquals(1, broken.status);
    assertTrue(broken.err.contains("diamond-value-not-dividing-a-cent.properties"), broken.err);
    assertTrue(broken.err.contains("diamond_value_usd"), broken.err);
    assertEquals(1, broken.err.strip().lines().count(), "one plain line: " + broken.err);
    assertTrue(
        Files.notExists(dir.resolve("wh/_giftpay/job-repository")),
        "stopped before the job repository was opened");
  }
}
