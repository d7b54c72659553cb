package io.giftpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.sample.GeneratorOptions;
import io.giftpay.sample.LedgerFormat;
import io.giftpay.sample.LedgerGenerator;
import io.giftpay.spark.FindUnbalancedBooks;
import io.giftpay.spark.SparkTestBase;
import io.giftpay.testing.TestTrees;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeded kill suite: three nights, each killed with SIGKILL once in every one of its steps, at
 * a place inside the step the seed picks (between writing a file and renaming it, between two
 * publish renames, after Spark wrote a staged table and before it is tidied, with a footer half
 * written, while a review decision is frozen, while the night's record is written...), and run
 * again after each kill. At the end the published tables must equal an uninterrupted run's byte for
 * byte, no payout may appear twice, the books must balance and every ledger row be accounted.
 *
 * <p>The places come from a trace of the uninterrupted run ({@code warehouse/KillPoints}), so a new
 * write or rename in the code is a new place without touching this test. One place per step and
 * night: a step killed runs again from its start, so the next place is in a later step. The seed is
 * printed with every failure; {@code -Dkillsuite.seed=N} runs that plan again.
 */
class KillSuiteTest extends SparkTestBase {
  private static final Path RULES = Path.of("../../rules").toAbsolutePath().normalize();
  private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
  private static final int NIGHTS = 3;
  private static final long SEED = Long.getLong("killsuite.seed", 20261202L);
  private static final String KILLED_LINE = "giftpay-fault: SIGKILL at ";

  /** SIGKILL: a process killed by signal 9 exits with 128 + 9. */
  private static final int KILLED_STATUS = 137;

  @TempDir static Path shared;
  private static Path ledger;
  private static Path reference;
  private static Path trace;

  @BeforeAll
  static void generateLedgerAndTraceAnUninterruptedRun() throws Exception {
    System.setProperty("giftpay.rules.dir", RULES.toString());
    System.setProperty("giftpay.spark.shuffle-partitions", "2");
    // Faults are about steps and bytes, not the anomaly model: keep the nights short.
    System.setProperty("giftpay.model.enabled", "false");
    System.setProperty("giftpay.privacy.key-file", shared.resolve("identifier.key").toString());
    ledger = shared.resolve("ledger");
    LedgerGenerator.generate(
        new GeneratorOptions(
            ledger,
            FROM,
            NIGHTS,
            250,
            20,
            13L,
            LedgerFormat.MIXED,
            GiftCatalogue.load(RULES.resolve("gift-catalogue.csv")).coinsByGiftId()),
        line -> {});
    reference = shared.resolve("reference");
    trace = shared.resolve("kill-points.txt");
    System.setProperty("giftpay.fault.trace", trace.toString());
    try {
      for (int night = 0; night < NIGHTS; night++) {
        runNight(reference, FROM.plusDays(night));
        if (night == 1) {
          recordADecision();
        }
      }
    } finally {
      System.clearProperty("giftpay.fault.trace");
    }
  }

  @AfterAll
  static void clearSettings() {
    Stream.of(
            "giftpay.rules.dir",
            "giftpay.spark.shuffle-partitions",
            "giftpay.model.enabled",
            "giftpay.privacy.key-file",
            "giftpay.fault.trace")
        .forEach(System::clearProperty);
  }

  @Test
  void nightsKilledInEveryStepEndWithTheUninterruptedRunsBytesNoPayoutTwiceAndBalancedBooks(
      @TempDir Path dir) throws Exception {
    Map<String, List<String>> placesByStep = placesByNightAndStep(Files.readAllLines(trace));
    List<String> plan = plan(placesByStep, new Random(SEED));
    String seed = "kill suite seed " + SEED + " (run again with -Dkillsuite.seed=" + SEED + ")";
    System.out.println(
        "KillSuiteTest: "
            + seed
            + ", "
            + plan.size()
            + " kill points of "
            + placesByStep.values().stream().mapToInt(List::size).sum()
            + " traced: "
            + plan);
    assertTrue(plan.size() >= 20, seed + ": at least 20 kill points, got " + plan);
    assertEquals(
        7 * NIGHTS,
        plan.size(),
        seed + ": one in every step of every night: " + placesByStep.keySet());

    Path warehouse = dir.resolve("warehouse");
    long started = System.nanoTime();
    for (int night = 0; night < NIGHTS; night++) {
      LocalDate date = FROM.plusDays(night);
      for (String place : plan.stream().filter(p -> p.startsWith(date + "/")).toList()) {
        Path out = dir.resolve("child-" + place.replaceAll("[^A-Za-z0-9-]", "_") + ".txt");
        Process child =
            ChildJvm.of(
                    childOptions(place, dir),
                    Giftpay.class,
                    List.of(
                        "nightly",
                        "--date",
                        date.toString(),
                        "--ledger",
                        ledger.toString(),
                        "--warehouse",
                        warehouse.toString()))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        assertTrue(
            child.waitFor(10, TimeUnit.MINUTES),
            seed + ": the night killed at " + place + " never ended");
        String output = Files.readString(out);
        assertEquals(
            KILLED_STATUS,
            child.exitValue(),
            seed + ": killed at " + place + ", the child ended otherwise:\n" + tail(output));
        assertTrue(
            output.contains(KILLED_LINE + place),
            seed + ": no SIGKILL at " + place + ":\n" + tail(output));
      }
      // The last run is not killed: it resumes from the last kill and completes the night.
      // (A kill after the night's record was written leaves a completed night: nothing is run
      // again.)
      CliRun resumed = runNight(warehouse, date);
      assertTrue(
          resumed.out.contains("was interrupted") || resumed.out.contains("already completed"),
          seed + ": night " + date + " after its kills:\n" + resumed.out);
      if (night == 1) {
        // The reviewer's decision between nights 2 and 3, the same file as the reference's.
        TestTrees.copyTree(
            reference.resolve("_giftpay/review/decisions"),
            warehouse.resolve("_giftpay/review/decisions"));
      }
    }
    System.out.printf(
        "KillSuiteTest: %d kills and resumes over %d nights in %.0f s%n",
        plan.size(), NIGHTS, (System.nanoTime() - started) / 1e9);

    Map<String, byte[]> want = publishedFiles(reference);
    Map<String, byte[]> got = publishedFiles(warehouse);
    assertEquals(want.keySet(), got.keySet(), seed + ": the same published files");
    want.forEach(
        (file, bytes) ->
            assertEquals(-1, Arrays.mismatch(bytes, got.get(file)), seed + ": bytes of " + file));

    Dataset<Row> payouts = spark.read().parquet(warehouse.resolve("payouts").toString());
    assertEquals(
        payouts.count(),
        payouts.select("payout_id").distinct().count(),
        seed + ": a payout appears twice");
    assertEquals(
        payouts.count(),
        payouts.select("creator_id", "dt").distinct().count(),
        seed + ": a creator paid twice in a night");
    Dataset<Row> balances = spark.read().parquet(warehouse.resolve("creator_balances").toString());
    assertTrue(balances.count() > 0);
    assertEquals(
        0, new FindUnbalancedBooks().apply(balances).count(), seed + ": the books do not balance");
    for (Row counts :
        spark.read().parquet(warehouse.resolve("night_counts").toString()).collectAsList()) {
      assertEquals(
          counts.<Long>getAs("rows_read"),
          counts.<Long>getAs("accepted")
              + counts.<Long>getAs("duplicates")
              + counts.<Long>getAs("quarantined"),
          seed + ": rows not accounted for in " + counts);
    }
    assertTrue(
        runNight(warehouse, FROM.plusDays(NIGHTS - 1)).out.contains("already completed"), seed);
  }

  /** The traced places, grouped by night and step in the order they were reached. */
  static Map<String, List<String>> placesByNightAndStep(List<String> traced) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String place : traced) {
      String[] parts = place.split("/");
      if (parts[0].equals("-")) {
        continue; // reached between steps, where no step resumes
      }
      groups.computeIfAbsent(parts[0] + "/" + parts[1], k -> new ArrayList<>()).add(place);
    }
    return groups;
  }

  /**
   * The moments the plan always holds, by night (1-based) and step, whatever the seed: between two
   * publish renames, a Parquet footer half rewritten (a torn write), the night's record being
   * written (publish's last file write), review decisions half frozen on the night one applies.
   */
  static final Map<String, String> ALWAYS =
      Map.of(
          "1/publish",
          "replace",
          "2/ingest",
          "rewrite-footer",
          "2/publish",
          "write-text",
          "3/detect",
          "freeze-decisions");

  /**
   * One place per night and step: the site a moment the plan must hold names, else one drawn by the
   * seed among the step's sites (so a rare site is as likely as a frequent one), then one of its
   * occurrences. The night's record is publish's last text write, so that one is taken.
   */
  static List<String> plan(Map<String, List<String>> placesByStep, Random random) {
    List<String> plan = new ArrayList<>();
    List<String> nights =
        placesByStep.keySet().stream().map(k -> k.split("/")[0]).distinct().toList();
    placesByStep.forEach(
        (nightAndStep, places) -> {
          String[] key = nightAndStep.split("/");
          String always = ALWAYS.get((nights.indexOf(key[0]) + 1) + "/" + key[1]);
          List<String> sites = places.stream().map(KillSuiteTest::site).distinct().toList();
          String site = always != null ? always : sites.get(random.nextInt(sites.size()));
          List<String> occurrences = places.stream().filter(p -> site(p).equals(site)).toList();
          assertFalse(
              occurrences.isEmpty(),
              "no " + site + " in " + nightAndStep + " of the trace: " + sites);
          plan.add(
              always != null && site.equals("write-text")
                  ? occurrences.get(occurrences.size() - 1)
                  : occurrences.get(random.nextInt(occurrences.size())));
        });
    return plan;
  }

  /** {@code 2026-11-01/ingest/work-table#3} is at site {@code work-table}. */
  private static String site(String place) {
    String last = place.split("/")[2];
    return last.substring(0, last.indexOf('#'));
  }

  private static List<String> childOptions(String place, Path dir) {
    List<String> options =
        new ArrayList<>(
            List.of(
                "-Xmx1g",
                "-Dgiftpay.fault.kill=" + place,
                "-Dgiftpay.log.file=" + dir.resolve("child.log")));
    options.addAll(
        ChildJvm.properties(
            "giftpay.rules.dir",
            "giftpay.spark.shuffle-partitions",
            "giftpay.model.enabled",
            "giftpay.privacy.key-file"));
    return options;
  }

  /** Clears the first open case in the queue, as a reviewer would between nights 2 and 3. */
  private static void recordADecision() {
    CliRun queue = cli("review", "queue", "--warehouse", reference.toString(), "--format", "csv");
    assertEquals(0, queue.status, queue.err);
    List<String> cases = queue.out.lines().skip(1).filter(line -> !line.isBlank()).toList();
    assertFalse(
        cases.isEmpty(),
        "the ledger should give the reviewer an open case by night 2:\n" + queue.out);
    String[] first = cases.get(0).split(",");
    CliRun decided =
        cli(
            "review",
            "decide",
            first[1],
            "--role",
            first[2],
            "--decision",
            "cleared",
            "--reviewer",
            "kim",
            "--reason",
            "kill suite: a decision in force while nights are killed",
            "--warehouse",
            reference.toString());
    assertEquals(0, decided.status, decided.err);
  }

  private record CliRun(int status, String out, String err) {}

  private static CliRun runNight(Path warehouse, LocalDate night) {
    CliRun run =
        cli(
            "nightly",
            "--date",
            night.toString(),
            "--ledger",
            ledger.toString(),
            "--warehouse",
            warehouse.toString());
    assertEquals(
        0,
        run.status,
        () -> "night " + night + " on " + warehouse + " failed:\n" + run.out + run.err);
    return run;
  }

  private static CliRun cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Giftpay.run(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRun(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Every file of every published table (the night report included), by path below the warehouse.
   */
  private static Map<String, byte[]> publishedFiles(Path warehouse) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> tables = Files.list(warehouse)) {
      for (Path table : tables.filter(p -> !p.getFileName().toString().startsWith("_")).toList()) {
        try (Stream<Path> paths = Files.walk(table)) {
          for (Path p : paths.filter(Files::isRegularFile).toList()) {
            files.put(
                warehouse.relativize(p).toString().replace(File.separatorChar, '/'),
                Files.readAllBytes(p));
          }
        }
      }
    }
    assertFalse(files.isEmpty(), "nothing published under " + warehouse);
    return files;
  }

  private static String tail(String output) {
    return output.length() <= 4000 ? output : "..." + output.substring(output.length() - 4000);
  }
}
