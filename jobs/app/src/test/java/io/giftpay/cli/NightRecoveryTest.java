package io.giftpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.sample.GeneratorOptions;
import io.giftpay.sample.LedgerFormat;
import io.giftpay.sample.LedgerGenerator;
import io.giftpay.spark.SparkTestBase;
import io.giftpay.testing.TestTrees;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night that fails, or whose process is killed, is run again and ends with exactly the published
 * bytes of a night that was never interrupted; a completed night never runs twice. Kills at chosen
 * places inside every step (after a step wrote its output and before it was recorded done among
 * them) are {@link KillSuiteTest}'s; here the operator kills a running night from outside, at
 * whatever moment it has reached.
 */
class NightRecoveryTest extends SparkTestBase {
  private static final Path RULES = Path.of("../../rules").toAbsolutePath().normalize();
  private static final String NIGHT_1 = "2026-11-01";
  private static final String NIGHT_2 = "2026-11-02";

  @TempDir static Path shared;
  private static Path ledger;
  private static Path reference;

  @BeforeAll
  static void generateLedgerAndReferenceRun() {
    System.setProperty("giftpay.rules.dir", RULES.toString());
    System.setProperty("giftpay.spark.shuffle-partitions", "2");
    // Recovery is about steps and bytes, not about the anomaly model: keep these nights short.
    System.setProperty("giftpay.model.enabled", "false");
    // Every warehouse here hashes cards and devices with one key, so their published bytes compare.
    System.setProperty("giftpay.privacy.key-file", shared.resolve("identifier.key").toString());
    ledger = shared.resolve("ledger");
    LedgerGenerator.generate(
        new GeneratorOptions(
            ledger,
            LocalDate.parse(NIGHT_1),
            2,
            400,
            30,
            11L,
            LedgerFormat.MIXED,
            GiftCatalogue.load(RULES.resolve("gift-catalogue.csv")).coinsByGiftId()),
        line -> {});
    reference = shared.resolve("reference");
    assertEquals(
        0,
        giftpay(
                "nightly",
                "--from",
                NIGHT_1,
                "--to",
                NIGHT_2,
                "--ledger",
                ledger.toString(),
                "--warehouse",
                reference.toString())
            .status);
  }

  @org.junit.jupiter.api.AfterAll
  static void clearSettings() {
    System.clearProperty("giftpay.rules.dir");
    System.clearProperty("giftpay.spark.shuffle-partitions");
    System.clearProperty("giftpay.model.enabled");
    System.clearProperty("giftpay.privacy.key-file");
  }

  @AfterEach
  void clearFaults() {
    System.clearProperty("giftpay.fault.point");
    System.clearProperty("giftpay.fault.mode");
  }

  @Test
  void aFailedNightPublishesNothingAndResumesAtTheFailedStep(@TempDir Path warehouse)
      throws Exception {
    System.setProperty("giftpay.fault.point", "check:before");
    System.setProperty("giftpay.fault.mode", "throw");
    Result failed =
        giftpay(
            "nightly",
            "--date",
            NIGHT_1,
            "--ledger",
            ledger.toString(),
            "--warehouse",
            warehouse.toString());
    assertEquals(1, failed.status);
    assertTrue(failed.err.contains("Injected fault at check:before"), failed.err);
    assertEquals(1, failed.err.strip().lines().count(), "one plain line: " + failed.err);
    assertFalse(
        Files.exists(warehouse.resolve("payouts/dt=" + NIGHT_1)),
        "nothing published by a failed night");

    clearFaults();
    Result resumed =
        giftpay(
            "nightly",
            "--from",
            NIGHT_1,
            "--to",
            NIGHT_2,
            "--ledger",
            ledger.toString(),
            "--warehouse",
            warehouse.toString());
    assertEquals(0, resumed.status, resumed.err);
    String firstNight = resumed.out.substring(0, resumed.out.indexOf("Night " + NIGHT_1 + " ("));
    assertFalse(
        firstNight.contains("[ingest] started"),
        "completed steps are not run again: " + firstNight);
    assertTrue(firstNight.contains("[check] started"), firstNight);
    assertSamePublishedBytes(reference, warehouse);
  }

  @Test
  void aNightKilledMidStepByTheOperatorResumesToTheSameBytes(@TempDir Path warehouse)
      throws Exception {
    // No fault point: this test kills the process itself.
    Process running = child(warehouse, "-Dgiftpay.fault.mode=halt", "--date", NIGHT_1);
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("[pay] started")) {
        // wait until the first night is inside its pay step
      }
      running.destroyForcibly(); // SIGKILL
    }
    running.waitFor(60, TimeUnit.SECONDS);
    assertFalse(
        Files.exists(warehouse.resolve("_giftpay/nights/dt=" + NIGHT_1 + ".json")),
        "killed before publish");

    Result resumed =
        giftpay(
            "nightly",
            "--date",
            NIGHT_1,
            "--ledger",
            ledger.toString(),
            "--warehouse",
            warehouse.toString());
    assertEquals(0, resumed.status, resumed.err);
    assertSamePublishedBytes(reference, warehouse, NIGHT_1);
  }

  @Test
  void aCompletedNightRunAgainChangesNothing() throws Exception {
    Map<String, byte[]> before = publishedFiles(reference);
    Result again =
        giftpay(
            "nightly",
            "--date",
            NIGHT_1,
            "--ledger",
            ledger.toString(),
            "--warehouse",
            reference.toString());
    assertEquals(0, again.status, again.err);
    assertTrue(again.out.contains("already completed"), again.out);
    Map<String, byte[]> after = publishedFiles(reference);
    assertEquals(before.keySet(), after.keySet());
    before.forEach(
        (file, bytes) -> assertEquals(-1, java.util.Arrays.mismatch(bytes, after.get(file)), file));
  }

  @Test
  void aMissingEventPartitionStopsTheNightUnlessTheDayIsDeclaredEmpty(@TempDir Path warehouse)
      throws Exception {
    Path gapLedger = warehouse.resolveSibling(warehouse.getFileName() + "-ledger");
    TestTrees.copyTree(ledger, gapLedger);
    deleteTree(gapLedger.resolve("rewards/dt=" + NIGHT_1));
    Result missing =
        giftpay(
            "nightly",
            "--date",
            NIGHT_1,
            "--ledger",
            gapLedger.toString(),
            "--warehouse",
            warehouse.toString());
    assertEquals(1, missing.status);
    assertTrue(
        missing.err.contains("rewards/dt=" + NIGHT_1), "names the missing path: " + missing.err);
    assertTrue(missing.err.contains("--empty-day"), missing.err);

    Result declared =
        giftpay(
            "nightly",
            "--date",
            NIGHT_1,
            "--ledger",
            gapLedger.toString(),
            "--warehouse",
            warehouse.toString(),
            "--empty-day");
    assertEquals(0, declared.status, declared.err);
  }

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

  /** The CLI in a JVM of its own, with this JVM's class path and Spark flags. */
  private static Process child(Path warehouse, String property, String... nights) throws Exception {
    List<String> options =
        List.of(
            "-Xmx1g",
            "-Dgiftpay.rules.dir=" + RULES,
            "-Dgiftpay.spark.shuffle-partitions=2",
            "-Dgiftpay.model.enabled=false",
            "-Dgiftpay.privacy.key-file=" + System.getProperty("giftpay.privacy.key-file"),
            "-Dgiftpay.log.file="
                + warehouse.resolveSibling(warehouse.getFileName() + "-child.log"),
            property);
    List<String> args = new ArrayList<>(List.of("nightly"));
    args.addAll(List.of(nights));
    args.addAll(List.of("--ledger", ledger.toString(), "--warehouse", warehouse.toString()));
    return ChildJvm.of(options, Giftpay.class, args)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static void assertSamePublishedBytes(Path expected, Path actual) throws Exception {
    assertSamePublishedBytes(expected, actual, "");
  }

  /** The published files of the nights whose partition path contains {@code night}. */
  private static void assertSamePublishedBytes(Path expected, Path actual, String night)
      throws Exception {
    Map<String, byte[]> want = new TreeMap<>(publishedFiles(expected));
    want.keySet().removeIf(file -> !file.contains("dt=" + night));
    Map<String, byte[]> got = publishedFiles(actual);
    assertEquals(want.keySet(), got.keySet(), "the same published files");
    assertFalse(want.isEmpty());
    want.forEach(
        (file, bytes) ->
            assertEquals(-1, java.util.Arrays.mismatch(bytes, got.get(file)), "bytes of " + file));
  }

  private static Map<String, byte[]> publishedFiles(Path warehouse) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    for (String table :
        List.of("payouts", "creator_balances", "flags", "holds", "quarantine", "night_counts")) {
      Path dir = warehouse.resolve(table);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.filter(Files::isRegularFile).toList()) {
          files.put(
              warehouse.relativize(p).toString().replace(File.separatorChar, '/'),
              Files.readAllBytes(p));
        }
      }
    }
    return files;
  }

  private static void deleteTree(Path dir) throws Exception {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
