package io.giftpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: true help, exit codes, one plain line per failure. */
class GiftpayCliTest {
  private record Result(int status, String out, String err) {}

  private static Result giftpay(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Giftpay.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpListsEveryCommandAndEveryOption() {
    Result help = giftpay("--help");
    assertEquals(0, help.status);
    for (String command : List.of("nightly", "generate", "demo")) {
      assertTrue(help.out.contains("  " + command + " "), command);
    }
    String nightly = giftpay("nightly", "--help").out;
    for (String option : List.of("--date", "--from", "--to", "--ledger", "--warehouse", "--master", "--config", "--empty-day")) {
      assertTrue(nightly.contains(option), option);
    }
    String generate = giftpay("help", "generate").out;
    for (String option : List.of("--out", "--start", "--days", "--users", "--creators", "--seed", "--format")) {
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
    assertTrue(noDate.err.contains("needs --date, or --from and --to"), noDate.err);

    Result badDate = giftpay("nightly", "--date", "2026-13-01", "--ledger", "l", "--warehouse", "w");
    assertEquals(2, badDate.status);
    assertTrue(badDate.err.contains("Invalid --date: '2026-13-01' (expected YYYY-MM-DD)"), badDate.err);

    Result both = giftpay("nightly", "--date", "2026-11-01", "--from", "2026-11-01", "--to", "2026-11-02", "--ledger", "l", "--warehouse", "w");
    assertEquals(2, both.status);

    Result backwards = giftpay("nightly", "--from", "2026-11-05", "--to", "2026-11-01", "--ledger", "l", "--warehouse", "w");
    assertEquals(2, backwards.status);
    assertTrue(backwards.err.contains("Invalid --to"), backwards.err);

    Result typo = giftpay("nightly", "--dat", "2026-11-01");
    assertEquals(2, typo.status);
    assertTrue(typo.err.contains("Unknown option '--dat'"), typo.err);

    Result badFormat = giftpay("generate", "--out", "x", "--start", "2026-11-01", "--days", "1", "--users", "10",
        "--creators", "1", "--seed", "1", "--format", "xml");
    assertEquals(2, badFormat.status);
    assertTrue(badFormat.err.contains("Invalid --format: 'xml'"), badFormat.err);
  }

  @Test
  void aMissingLedgerFolderIsNamed(@TempDir Path dir) {
    Result missing = giftpay("nightly", "--date", "2026-11-01", "--ledger", dir.resolve("nowhere").toString(),
        "--warehouse", dir.resolve("wh").toString());
    assertEquals(1, missing.status);
    assertTrue(missing.err.contains("Invalid --ledger: " + dir.resolve("nowhere") + " (no such folder)"), missing.err);
  }

  @Test
  void aBrokenRuleFileStopsTheNightBeforeAnythingIsReadNamingFileAndField(@TempDir Path dir) throws Exception {
    Path rules = Files.createDirectories(dir.resolve("detection"));
    Files.copy(Path.of("src/test/resources/detection/broken/unknown-column-in-condition.yaml"),
        rules.resolve("unknown-column-in-condition.yaml"));
    Path config = dir.resolve("giftpay.properties");
    Files.writeString(config, "giftpay.rules.dir=" + Path.of("../../rules").toAbsolutePath() + "\n"
        + "giftpay.detection.rules-dir=" + rules + "\n");
    Files.createDirectories(dir.resolve("ledger"));
    Result broken = giftpay("nightly", "--date", "2026-11-01", "--ledger", dir.resolve("ledger").toString(),
        "--warehouse", dir.resolve("wh").toString(), "--config", config.toString());
    assertEquals(1, broken.status);
    assertTrue(broken.err.contains("unknown-column-in-condition.yaml: field 'condition': unknown column 'coins_tonight'"), broken.err);
    assertTrue(Files.notExists(dir.resolve("wh/_giftpay/job-repository")), "stopped before the job repository was opened");
  }

  @Test
  void aBrokenPolicyStopsTheNightBeforeAnythingIsReadNamingFileAndKey(@TempDir Path dir) throws Exception {
    Path policy = Path.of("src/test/resources/config/diamond-value-not-dividing-a-cent.properties").toAbsolutePath();
    Path config = dir.resolve("giftpay.properties");
    Files.writeString(config, "giftpay.policy.file=" + policy + "\n");
    Files.createDirectories(dir.resolve("ledger"));
    Result broken = giftpay("nightly", "--date", "2026-11-01", "--ledger", dir.resolve("ledger").toString(),
        "--warehouse", dir.resolve("wh").toString(), "--config", config.toString());
    assertEquals(1, broken.status);
    assertTrue(broken.err.contains("diamond-value-not-dividing-a-cent.properties"), broken.err);
    assertTrue(broken.err.contains("diamond_value_usd"), broken.err);
    assertEquals(1, broken.err.strip().lines().count(), "one plain line: " + broken.err);
    assertTrue(Files.notExists(dir.resolve("wh/_giftpay/job-repository")), "stopped before the job repository was opened");
  }
}
