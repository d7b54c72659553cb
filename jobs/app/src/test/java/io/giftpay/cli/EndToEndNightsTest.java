package io.giftpay.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.oracle.ContractPolicy;
import io.giftpay.oracle.PayoutOracle;
import io.giftpay.oracle.PayoutOracle.Balance;
import io.giftpay.oracle.PayoutOracle.BrokenRow;
import io.giftpay.oracle.PayoutOracle.Night;
import io.giftpay.oracle.PayoutOracle.Payout;
import io.giftpay.sample.GeneratorOptions;
import io.giftpay.sample.LedgerFormat;
import io.giftpay.sample.LedgerGenerator;
import io.giftpay.spark.SparkTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a generated 5-night CSV ledger goes through the real {@code giftpay nightly} command
 * (in-process, on this class's local[2] Spark session), and what it publishes is checked against
 * {@link PayoutOracle}, an independent plain-Java reading of the ledger contract, and against the
 * generator's truth files. The first three nights run into a second warehouse, without the
 * small-night Spark settings, to prove the output is byte-for-byte deterministic and independent of
 * them; then a completed night is run again (a no-op) and a night after a gap is refused.
 *
 * <p>The nights run once, in {@link #generateAndRunNights()}; the tests only read. Tests that run
 * the CLI again come last ({@link Order}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndNightsTest extends SparkTestBase {
  private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
  private static final LocalDate TO = LocalDate.of(2026, 11, 5);
  private static final LocalDate V1_TO = LocalDate.of(2026, 11, 3);

  /**
   * The second warehouse's last night: three nights take in clearing (night 3 pays night 1's
   * cleared credits), holds carried over and a rolled window, at the price of three nights under
   * Spark's own settings instead of five.
   */
  private static final LocalDate SECOND_TO = LocalDate.of(2026, 11, 3);

  private static final String RULES_DIR_PROPERTY = "giftpay.rules.dir";
  private static final List<String> PUBLISHED =
      List.of("payouts", "creator_balances", "quarantine", "night_counts", "flags", "holds");
  private static final Set<String> EVENT_TABLES =
      Set.of("gifts", "recharges", "reversals", "rewards");

  private static final Path TRANSCRIPT = Path.of("target/EndToEndNightsTest-cli.txt");

  @TempDir static Path tmp;

  private static Path ledger;
  private static Path warehouse;
  private static Path secondWarehouse;

  /** The same ledger under policy v1 (no clearing), three nights, the model off. */
  private static Path v1Warehouse;

  private static PayoutOracle.Result expected;
  private static PayoutOracle.Result expectedV1;

  /** System properties this class sets (the CLI reads giftpay.* ones), and their values before. */
  private static final Map<String, String> propertiesBefore = new HashMap<>();

  @BeforeAll
  static void generateAndRunNights() throws IOException {
    Files.deleteIfExists(TRANSCRIPT);
    Path rules = Path.of("../../rules").toAbsolutePath().normalize();
    setProperty(RULES_DIR_PROPERTY, rules.toString());
    // Both warehouses hash cards and devices with one key, or their flags and quarantine differ.
    setProperty("giftpay.privacy.key-file", tmp.resolve("identifier.key").toString());
    // The CLI points the log file at the first warehouse it sees; undo that after the class.
    propertiesBefore.put(Logs.PROPERTY, System.getProperty(Logs.PROPERTY));

    ledger = tmp.resolve("ledger");
    LedgerGenerator.generate(
        new GeneratorOptions(
            ledger,
            FROM,
            5,
            1200,
            80,
            7L,
            LedgerFormat.CSV,
            GiftCatalogue.load(rules.resolve("gift-catalogue.csv")).coinsByGiftId()),
        line -> {});
    warehouse = tmp.resolve("warehouse");
    secondWarehouse = tmp.resolve("warehouse-2");

    CliRun first = nightly(warehouse, "--from", FROM.toString(), "--to", TO.toString());
    assertEquals(
        0,
        first.status(),
        () -> "giftpay nightly " + FROM + ".." + TO + " failed on the first warehouse:\n" + first);
    // The second warehouse runs with Spark's own settings (code generation, adaptive plans), the
    // first with the small-night ones: byte-identical tables prove those settings change nothing.
    Path sparkDefaults = tmp.resolve("spark-defaults.properties");
    Files.writeString(sparkDefaults, "giftpay.spark.small-night-bytes=0\n");
    CliRun second =
        nightly(
            secondWarehouse,
            "--from",
            FROM.toString(),
            "--to",
            SECOND_TO.toString(),
            "--config",
            sparkDefaults.toString());
    assertEquals(
        0,
        second.status(),
        () ->
            "giftpay nightly "
                + FROM
                + ".."
                + SECOND_TO
                + " failed on the second warehouse:\n"
                + second);

    ContractPolicy policy = ContractPolicy.read(rules.resolve("payout-policy.properties"));
    assertEquals(2, policy.version(), "finance's default policy is v2, clearing");
    expected = new PayoutOracle(ledger, policy).run(FROM, TO);

    Path v1Policy = tmp.resolve("payout-policy-v1.properties");
    Files.writeString(
        v1Policy,
        Files.readString(rules.resolve("payout-policy.properties"))
            .replace("policy.version=2", "policy.version=1")
            .replace("clearing_nights=2", "clearing_nights=0"));
    Path v1Config = tmp.resolve("v1.properties");
    Files.writeString(
        v1Config, "giftpay.policy.file=" + v1Policy + "\ngiftpay.model.enabled=false\n");
    v1Warehouse = tmp.resolve("warehouse-v1");
    CliRun v1 =
        nightly(
            v1Warehouse,
            "--from",
            FROM.toString(),
            "--to",
            V1_TO.toString(),
            "--config",
            v1Config.toString());
    assertEquals(0, v1.status(), () -> "giftpay nightly under policy v1 failed:\n" + v1);
    expectedV1 = new PayoutOracle(ledger, ContractPolicy.read(v1Policy)).run(FROM, V1_TO);
  }

  @AfterAll
  static void restoreProperties() {
    propertiesBefore.forEach(EndToEndNightsTest::restore);
  }

  @Test
  @Order(1)
  void payoutsEqualTheOracleToTheCentUnderPolicyV2() {
    assertPayoutsEqualTheOracle(warehouse, secondWarehouse, expected);
  }

  @Test
  @Order(1)
  void payoutsEqualTheOracleToTheCentUnderPolicyV1() {
    assertPayoutsEqualTheOracle(v1Warehouse, null, expectedV1);
    assertTrue(
        published(v1Warehouse, "payouts", FROM).stream()
            .allMatch(r -> r.<Integer>getAs("policy_version") == 1),
        "payouts say the version the night ran under");
    assertTrue(
        published(warehouse, "payouts", TO).stream()
            .allMatch(r -> r.<Integer>getAs("policy_version") == 2));
  }

  private static void assertPayoutsEqualTheOracle(
      Path warehouse, Path secondWarehouse, PayoutOracle.Result expected) {
    List<String> problems = new ArrayList<>();
    Map<String, String> nightAndCreatorById = new HashMap<>();
    int paidTotal = 0;
    for (Night night : expected.nights()) {
      LocalDate d = night.date();
      Map<String, Row> actual =
          byCreator(published(warehouse, "payouts", d), "payouts", d, problems);
      boolean twinNight = secondWarehouse != null && !d.isAfter(SECOND_TO);
      Map<String, Row> second =
          !twinNight
              ? Map.of()
              : byCreator(
                  published(secondWarehouse, "payouts", d),
                  "payouts (second warehouse)",
                  d,
                  problems);
      Set<String> creators = new TreeSet<>(actual.keySet());
      creators.addAll(night.payouts().keySet());
      // The oracle has no fraud holds: creators a hold touched are compared no more.
      creators.removeAll(touchedByHolds(warehouse, d));
      for (String creator : creators) {
        Payout want = night.payouts().get(creator);
        Row got = actual.get(creator);
        String where = "night " + d + ", creator " + creator + ": ";
        if (got == null) {
          problems.add(where + "the oracle pays " + want + " but no payout was published");
          continue;
        }
        if (want == null) {
          problems.add(
              where
                  + "a payout was published ("
                  + got
                  + ") but the oracle pays nothing (balance "
                  + night.balances().get(creator)
                  + ")");
          continue;
        }
        paidTotal++;
        long diamonds = got.<Long>getAs("diamonds");
        if (diamonds != want.diamonds()) {
          problems.add(where + "diamonds " + diamonds + ", oracle " + want.diamonds());
        }
        compareDecimal(where + "amount_usd", got.getAs("amount_usd"), want.amountUsd(), problems);
        compareString(where + "currency", got.getAs("currency"), want.currency(), problems);
        compareDecimal(
            where + "amount (" + want.currency() + ")",
            got.getAs("amount"),
            want.amount(),
            problems);
        compareDecimal(where + "fx_rate", got.getAs("fx_rate"), want.fxRate(), problems);
        compareString(
            where + "payout_method", got.getAs("payout_method"), want.payoutMethod(), problems);

        String id = got.getAs("payout_id");
        if (id == null || id.isBlank()) {
          problems.add(where + "payout_id is empty");
        } else {
          String previous = nightAndCreatorById.put(id, d + "/" + creator);
          if (previous != null) {
            problems.add(where + "payout_id " + id + " is also the id of " + previous);
          }
        }
        Row twin = second.get(creator);
        if (!twinNight) {
          continue;
        }
        if (twin == null) {
          problems.add(
              where + "paid in the first warehouse but not in the second, from the same ledger");
        } else if (!Objects.equals(id, twin.getAs("payout_id"))) {
          problems.add(
              where
                  + "payout_id "
                  + id
                  + " in the first warehouse, "
                  + twin.getAs("payout_id")
                  + " in the second");
        }
      }
    }
    assertTrue(
        problems.isEmpty(),
        () ->
            problems.size()
                + " payout mismatches against the oracle:\n"
                + String.join("\n", problems));
    int paid = paidTotal;
    assertTrue(
        paid > 0,
        "the oracle and the pipeline agree, but nobody was paid: the test proves nothing");
  }

  @Test
  @Order(2)
  void creatorBalancesBalanceAndEqualTheOracleUnderPolicyV2() {
    assertBalancesEqualTheOracle(warehouse, expected);
    long pending =
        published(warehouse, "creator_balances", TO).stream()
            .mapToLong(r -> r.<Long>getAs("pending_diamonds"))
            .sum();
    assertTrue(pending > 0, "two nights of credits are pending under v2");
  }

  @Test
  @Order(2)
  void creatorBalancesBalanceAndEqualTheOracleUnderPolicyV1() {
    assertBalancesEqualTheOracle(v1Warehouse, expectedV1);
    for (LocalDate d = FROM; !d.isAfter(V1_TO); d = d.plusDays(1)) {
      assertTrue(
          published(v1Warehouse, "creator_balances", d).stream()
              .allMatch(r -> r.<Long>getAs("pending_diamonds") == 0L),
          "nothing is ever pending under v1");
    }
  }

  private static void assertBalancesEqualTheOracle(Path warehouse, PayoutOracle.Result expected) {
    List<String> problems = new ArrayList<>();
    for (Night night : expected.nights()) {
      LocalDate d = night.date();
      Map<String, Row> actual =
          byCreator(published(warehouse, "creator_balances", d), "creator_balances", d, problems);
      for (Row row : actual.values()) {
        String creator = row.getAs("creator_id");
        long credited = row.<Long>getAs("credited_diamonds");
        long pending = row.<Long>getAs("pending_diamonds");
        long available = row.<Long>getAs("available_diamonds");
        long held = row.<Long>getAs("held_diamonds");
        long paid = row.<Long>getAs("paid_diamonds");
        long forfeited = row.<Long>getAs("forfeited_diamonds");
        if (credited != pending + available + held + paid + forfeited) {
          problems.add(
              "night "
                  + d
                  + ", creator "
                  + creator
                  + ": books do not balance: credited "
                  + credited
                  + " != pending "
                  + pending
                  + " + available "
                  + available
                  + " + held "
                  + held
                  + " + paid "
                  + paid
                  + " + forfeited "
                  + forfeited);
        }
      }
      Set<String> creators = new TreeSet<>(actual.keySet());
      creators.addAll(night.balances().keySet());
      creators.removeAll(touchedByHolds(warehouse, d));
      for (String creator : creators) {
        Balance want = night.balances().get(creator);
        Row got = actual.get(creator);
        String where = "night " + d + ", creator " + creator + ": ";
        if (got == null) {
          problems.add(
              where + "has activity or a balance (" + want + ") but no creator_balances row");
          continue;
        }
        if (want == null) {
          problems.add(
              where
                  + "has a creator_balances row ("
                  + got
                  + ") but no accepted gift on or before this night");
          continue;
        }
        compareLong(
            where + "credited_diamonds", got.getAs("credited_diamonds"), want.credited(), problems);
        compareLong(
            where + "pending_diamonds", got.getAs("pending_diamonds"), want.pending(), problems);
        compareLong(
            where + "available_diamonds",
            got.getAs("available_diamonds"),
            want.available(),
            problems);
        compareLong(where + "paid_diamonds", got.getAs("paid_diamonds"), want.paid(), problems);
        boolean paidTonight = night.payouts().containsKey(creator);
        if (paidTonight != "PAID".equals(got.getAs("status"))) {
          problems.add(
              where
                  + "status "
                  + got.getAs("status")
                  + " but the oracle "
                  + (paidTonight ? "pays" : "does not pay")
                  + " tonight");
        }
      }
    }
    assertTrue(
        problems.isEmpty(),
        () -> problems.size() + " creator_balances mismatches:\n" + String.join("\n", problems));
  }

  @Test
  @Order(3)
  void quarantineHoldsExactlyTheBrokenRows() {
    List<String> problems = new ArrayList<>();
    assertFalse(expected.brokenRows().isEmpty(), "the generator's truth file lists no broken rows");
    for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
      Map<String, Row> quarantined = new TreeMap<>();
      for (Row row : published(warehouse, "quarantine", d)) {
        String table = row.getAs("source_table");
        String id = row.getAs("event_id");
        if (!EVENT_TABLES.contains(table) || id == null) {
          problems.add(
              "night "
                  + d
                  + ": quarantined "
                  + table
                  + " row that the truth files do not list as broken: reason "
                  + row.getAs("reason")
                  + ", record "
                  + row.getAs("record"));
          continue;
        }
        if (quarantined.put(table + "/" + id, row) != null) {
          problems.add("night " + d + ": " + table + " event " + id + " quarantined twice");
        }
      }
      Set<String> intended = new HashSet<>();
      for (BrokenRow broken : expected.brokenRows()) {
        if (!broken.dt().equals(d)) {
          continue;
        }
        String key = broken.table() + "/" + broken.eventId();
        intended.add(key);
        Row row = quarantined.get(key);
        if (row == null) {
          problems.add(
              "night "
                  + d
                  + ": broken "
                  + broken.table()
                  + " row "
                  + broken.eventId()
                  + " (intended "
                  + broken.intendedReason()
                  + ") is not in the quarantine");
        } else if (!broken.intendedReason().equals(row.getAs("reason"))) {
          problems.add(
              "night "
                  + d
                  + ": "
                  + broken.table()
                  + " row "
                  + broken.eventId()
                  + " quarantined as "
                  + row.getAs("reason")
                  + " ("
                  + row.getAs("detail")
                  + "), intended "
                  + broken.intendedReason());
        }
      }
      for (Map.Entry<String, Row> e : quarantined.entrySet()) {
        if (!intended.contains(e.getKey())) {
          Row row = e.getValue();
          problems.add(
              "night "
                  + d
                  + ": valid "
                  + row.getAs("source_table")
                  + " row "
                  + row.getAs("event_id")
                  + " wrongly quarantined as "
                  + row.getAs("reason")
                  + " ("
                  + row.getAs("detail")
                  + "): "
                  + row.getAs("record"));
        }
      }
    }
    assertTrue(
        problems.isEmpty(),
        () ->
            problems.size()
                + " quarantine mismatches against _truth/broken_rows.csv:\n"
                + String.join("\n", problems));
  }

  @Test
  @Order(4)
  void nightCountsReconcileAndCountEachGiftOnce() {
    List<String> problems = new ArrayList<>();
    long giftsAccepted = 0;
    for (Night night : expected.nights()) {
      LocalDate d = night.date();
      boolean sawGifts = false;
      for (Row row : published(warehouse, "night_counts", d)) {
        String table = row.getAs("source_table");
        long read = row.<Long>getAs("rows_read");
        long accepted = row.<Long>getAs("accepted");
        long duplicates = row.<Long>getAs("duplicates");
        long quarantined = row.<Long>getAs("quarantined");
        if (read != accepted + duplicates + quarantined) {
          problems.add(
              "night "
                  + d
                  + ", table "
                  + table
                  + ": rows_read "
                  + read
                  + " != accepted "
                  + accepted
                  + " + duplicates "
                  + duplicates
                  + " + quarantined "
                  + quarantined);
        }
        if (table.equals("gifts")) {
          sawGifts = true;
          giftsAccepted += accepted;
          PayoutOracle.GiftCounts want = night.gifts();
          compareLong("night " + d + ", gifts rows_read", read, want.rowsRead(), problems);
          compareLong("night " + d + ", gifts accepted", accepted, want.accepted(), problems);
          compareLong("night " + d + ", gifts duplicates", duplicates, want.duplicates(), problems);
          compareLong("night " + d + ", gifts quarantined", quarantined, want.broken(), problems);
        }
      }
      if (!sawGifts) {
        problems.add("night " + d + ": night_counts has no gifts row");
      }
    }
    compareLong(
        "gifts accepted over "
            + FROM
            + ".."
            + TO
            + " vs distinct valid gift event_ids in the ledger",
        giftsAccepted,
        expected.distinctValidGiftIds(),
        problems);
    assertTrue(
        problems.isEmpty(),
        () -> problems.size() + " night_counts problems:\n" + String.join("\n", problems));
  }

  @Test
  @Order(5)
  void sameLedgerGivesByteIdenticalTables() throws IOException {
    Map<String, byte[]> first = publishedFiles(warehouse);
    first.keySet().removeIf(file -> nightOf(file).isAfter(SECOND_TO));
    Map<String, byte[]> second = publishedFiles(secondWarehouse);
    assertEquals(first.keySet(), second.keySet(), "the two warehouses publish different files");
    for (String table : PUBLISHED) {
      for (LocalDate d = FROM; !d.isAfter(SECOND_TO); d = d.plusDays(1)) {
        String prefix = table + "/dt=" + d + "/";
        assertTrue(
            first.keySet().stream().anyMatch(f -> f.startsWith(prefix) && f.endsWith(".parquet")),
            "no Parquet file published under " + prefix);
      }
    }
    List<String> different = new ArrayList<>();
    for (String file : first.keySet()) {
      if (Files.mismatch(warehouse.resolve(file), secondWarehouse.resolve(file)) != -1) {
        different.add(file);
      }
    }
    assertTrue(
        different.isEmpty(),
        () ->
            "same ledger, policy and rules, yet these published files differ between warehouses: "
                + different);
  }

  @Test
  @Order(6)
  void runningACompletedNightAgainChangesNothing() throws IOException {
    Map<String, byte[]> before = publishedFiles(warehouse);
    CliRun again = nightly(warehouse, "--date", "2026-11-03");
    assertEquals(
        0, again.status(), () -> "running completed night 2026-11-03 again failed:\n" + again);
    assertTrue(
        again.out().contains("2026-11-03") && again.out().contains("already completed"),
        () -> "running 2026-11-03 again does not say it is already completed:\n" + again);
    Map<String, byte[]> after = publishedFiles(warehouse);
    assertEquals(
        before.keySet(),
        after.keySet(),
        "running completed night 2026-11-03 again added or removed published files");
    List<String> changed =
        before.keySet().stream().filter(f -> !Arrays.equals(before.get(f), after.get(f))).toList();
    assertTrue(
        changed.isEmpty(), () -> "running completed night 2026-11-03 again rewrote " + changed);
  }

  @Test
  @Order(7)
  void aNightAfterAGapIsRefused() throws IOException {
    CliRun gap = nightly(warehouse, "--date", "2026-11-07");
    assertEquals(
        1, gap.status(), () -> "night 2026-11-07 ran although 2026-11-06 was never run:\n" + gap);
    assertTrue(
        gap.err().contains("2026-11-06"),
        () -> "the refusal of 2026-11-07 does not name 2026-11-06:\n" + gap);
    for (String table : PUBLISHED) {
      assertFalse(
          Files.exists(warehouse.resolve(table).resolve("dt=2026-11-07")),
          table + " has a dt=2026-11-07 partition after a refused run");
    }
  }

  @Test
  @Order(8)
  void detectionFlagsPatternsAndPaysNothingToAFlaggedCreatorAfterItsFlag() throws IOException {
    Map<String, byte[]> before = publishedFiles(warehouse);
    CliRun evaluate =
        cli("evaluate", "--ledger", ledger.toString(), "--warehouse", warehouse.toString());
    assertEquals(0, evaluate.status(), evaluate::toString);
    assertTrue(evaluate.out().contains("Recall per pattern"), evaluate::toString);
    assertTrue(
        evaluate.out().contains("of which on or after the creator's first flag: USD 0.00"),
        evaluate::toString);
    // The money paid to fraud creators, split at the night their pattern first gifted them: the
    // part since then can be no more than all of it, and the two parts add up to it.
    java.util.regex.Matcher paid =
        java.util.regex.Pattern.compile(
                "Paid to creators in a fraud pattern: USD ([0-9.]+),.*\\n"
                    + "  paid on or after the night its pattern first gifted it: USD ([0-9.]+);"
                    + " before \\(its own earlier income\\): USD ([0-9.]+)")
            .matcher(evaluate.out());
    assertTrue(paid.find(), evaluate::toString);
    BigDecimal paidAll = new BigDecimal(paid.group(1));
    BigDecimal paidSince = new BigDecimal(paid.group(2));
    assertTrue(paidSince.compareTo(paidAll) <= 0, evaluate::toString);
    assertEquals(
        0, paidSince.add(new BigDecimal(paid.group(3))).compareTo(paidAll), evaluate::toString);
    java.util.regex.Matcher recall =
        java.util.regex.Pattern.compile("Overall recall:\\s+([0-9.]+)%").matcher(evaluate.out());
    assertTrue(recall.find(), evaluate::toString);
    assertTrue(
        Double.parseDouble(recall.group(1)) >= 80.0,
        () -> "recall below 80% on the project's own generator:\n" + evaluate);

    // A hold stays open until a reviewer decides: a creator held by a rule is ON_HOLD every later
    // night.
    List<String> lapsed = new java.util.ArrayList<>();
    int heldBeforeTheLastNight = 0;
    for (LocalDate night = FROM; !night.isAfter(TO); night = night.plusDays(1)) {
      for (Row flag : published(warehouse, "flags", night)) {
        if (!"creator".equals(flag.getAs("role")) || !"hold".equals(flag.getAs("action"))) {
          continue;
        }
        heldBeforeTheLastNight += night.isBefore(TO) ? 1 : 0;
        for (LocalDate later = night.plusDays(1); !later.isAfter(TO); later = later.plusDays(1)) {
          for (Row balance : published(warehouse, "creator_balances", later)) {
            if (balance.getAs("creator_id").equals(flag.getAs("account_id"))
                && !"ON_HOLD".equals(balance.getAs("status"))) {
              lapsed.add(
                  flag.getAs("account_id")
                      + " held on "
                      + night
                      + " but "
                      + balance.getAs("status")
                      + " on "
                      + later);
            }
          }
        }
      }
    }
    assertTrue(
        heldBeforeTheLastNight > 0,
        "the ledger's patterns put no creator on hold before the last night: nothing to check");
    assertTrue(lapsed.isEmpty(), () -> String.join("\n", lapsed));

    CliRun backtest =
        cli(
            "backtest",
            "--rules",
            Path.of("../../rules/detection").toAbsolutePath().toString(),
            "--from",
            FROM.toString(),
            "--to",
            TO.toString(),
            "--warehouse",
            warehouse.toString(),
            "--ledger",
            ledger.toString());
    assertEquals(0, backtest.status(), backtest::toString);
    try (var ruleFiles = Files.list(Path.of("../../rules/detection"))) {
      for (Path rule : ruleFiles.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        String id = rule.getFileName().toString().replace(".yaml", "");
        assertTrue(
            backtest.out().contains("  " + id + "@v"),
            () -> "the backtest does not list the rule " + id + ":\n" + backtest);
      }
    }
    assertTrue(backtest.out().contains("all rules:"), backtest::toString);
    Map<String, byte[]> after = publishedFiles(warehouse);
    assertEquals(before.keySet(), after.keySet(), "evaluate and backtest publish nothing");
    before.forEach((file, bytes) -> assertTrue(Arrays.equals(bytes, after.get(file)), file));
  }

  // ---------------------------------------------------------------------------------------

  private static CliRun cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      status = Giftpay.run(List.of(args), o, e);
    }
    CliRun run = new CliRun(status, out.toString(UTF_8), err.toString(UTF_8));
    transcript(String.join(" ", args), run);
    return run;
  }

  private record CliRun(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
  }

  private static CliRun nightly(Path wh, String... dates) {
    List<String> args = new ArrayList<>(List.of("nightly"));
    args.addAll(List.of(dates));
    args.addAll(List.of("--ledger", ledger.toString(), "--warehouse", wh.toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      status = Giftpay.run(args, o, e);
    }
    CliRun run = new CliRun(status, out.toString(UTF_8), err.toString(UTF_8));
    transcript(String.join(" ", args), run);
    return run;
  }

  /** Each CLI run's output, for whoever reads a failure: target/EndToEndNightsTest-cli.txt. */
  private static synchronized void transcript(String command, CliRun run) {
    try {
      Files.writeString(
          TRANSCRIPT,
          "$ giftpay " + command + "\n" + run + "\n",
          UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      // only a convenience; the assertions carry the output they need
    }
  }

  private static List<Row> published(Path wh, String table, LocalDate night) {
    Path dir = wh.resolve(table).resolve("dt=" + night);
    assertTrue(
        Files.isDirectory(dir),
        () -> "night " + night + ": no published " + table + " partition " + dir);
    return spark.read().parquet(dir.toString()).collectAsList();
  }

  private static Map<String, Row> byCreator(
      List<Row> rows, String table, LocalDate night, List<String> problems) {
    Map<String, Row> out = new TreeMap<>();
    for (Row row : rows) {
      String creator = row.getAs("creator_id");
      if (out.put(creator, row) != null) {
        problems.add(
            "night " + night + ", creator " + creator + ": more than one " + table + " row");
      }
    }
    return out;
  }

  /** Every file under the published tables, by path relative to the warehouse. */
  /** The night of a published file, from its {@code <table>/dt=D/} folder. */
  private static LocalDate nightOf(String file) {
    int at = file.indexOf("/dt=");
    return LocalDate.parse(file.substring(at + 4, at + 14));
  }

  private static Map<String, byte[]> publishedFiles(Path wh) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    for (String table : PUBLISHED) {
      Path dir = wh.resolve(table);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
          files.put(wh.relativize(file).toString(), Files.readAllBytes(file));
        }
      }
    }
    return files;
  }

  /** Creators with a hold on or before night d (published holds), or on hold that night. */
  private static Set<String> touchedByHolds(Path warehouse, LocalDate d) {
    Set<String> touched = new TreeSet<>();
    for (LocalDate night = FROM; !night.isAfter(d); night = night.plusDays(1)) {
      java.nio.file.Path holds = warehouse.resolve("holds/dt=" + night);
      if (java.nio.file.Files.isDirectory(holds)) {
        spark
            .read()
            .parquet(holds.toString())
            .select("creator_id")
            .collectAsList()
            .forEach(r -> touched.add(r.getString(0)));
      }
    }
    return touched;
  }

  private static void compareDecimal(
      String what, BigDecimal got, BigDecimal want, List<String> problems) {
    if (got == null || got.compareTo(want) != 0) {
      problems.add(
          what
              + " "
              + (got == null ? "null" : got.toPlainString())
              + ", oracle "
              + want.toPlainString());
    }
  }

  private static void compareString(String what, String got, String want, List<String> problems) {
    if (!Objects.equals(got, want)) {
      problems.add(what + " " + got + ", oracle " + want);
    }
  }

  private static void compareLong(String what, long got, long want, List<String> problems) {
    if (got != want) {
      problems.add(what + " " + got + ", oracle " + want);
    }
  }

  private static void setProperty(String key, String value) {
    propertiesBefore.put(key, System.getProperty(key));
    System.setProperty(key, value);
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
