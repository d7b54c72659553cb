package io.giftpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.batch.TestJobRepository;
import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.sample.GeneratorOptions;
import io.giftpay.sample.LedgerFormat;
import io.giftpay.sample.LedgerGenerator;
import io.giftpay.spark.SparkTestBase;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A night whose JVM dies after a step wrote its output (the worst moment: written, not yet
 * recorded) resumes from what the job repository recorded, on H2 and on PostgreSQL alike: the
 * finished steps are not run again, the killed execution is closed, and the published bytes equal
 * those of a night never interrupted.
 */
class JobRepositoryRestartTest extends SparkTestBase {
  private static final Path RULES = Path.of("../../rules").toAbsolutePath().normalize();
  private static final String NIGHT = "2026-11-01";
  private static final List<String> PUBLISHED =
      List.of("payouts", "creator_balances", "flags", "holds", "quarantine", "night_counts");

  @TempDir static Path shared;
  private static Path ledger;
  private static Map<String, byte[]> reference;

  @BeforeAll
  static void generateLedgerAndReferenceRun() throws Exception {
    System.setProperty("giftpay.rules.dir", RULES.toString());
    System.setProperty("giftpay.spark.shuffle-partitions", "2");
    System.setProperty("giftpay.model.enabled", "false");
    // One identifier key for every warehouse here, so their published bytes compare.
    System.setProperty("giftpay.privacy.key-file", shared.resolve("identifier.key").toString());
    ledger = shared.resolve("ledger");
    LedgerGenerator.generate(
        new GeneratorOptions(
            ledger,
            LocalDate.parse(NIGHT),
            1,
            300,
            20,
            23L,
            LedgerFormat.MIXED,
            GiftCatalogue.load(RULES.resolve("gift-catalogue.csv")).coinsByGiftId()),
        line -> {});
    Path warehouse = shared.resolve("reference");
    String[] status =
        giftpay(
            List.of(
                "nightly",
                "--date",
                NIGHT,
                "--ledger",
                ledger.toString(),
                "--warehouse",
                warehouse.toString()));
    assertEquals("0", status[0], status[2]);
    reference = publishedFiles(warehouse);
  }

  @AfterAll
  static void clearSettings() {
    Stream.of(
            "giftpay.rules.dir",
            "giftpay.spark.shuffle-partitions",
            "giftpay.model.enabled",
            "giftpay.privacy.key-file")
        .forEach(System::clearProperty);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestJobRepository.Kind.class)
  void aNightKilledAfterAStepResumesFromTheJobRepositoryToTheSameBytes(
      TestJobRepository.Kind kind, @TempDir Path dir) throws Exception {
    try (TestJobRepository repository = TestJobRepository.create(kind, dir)) {
      Path warehouse = dir.resolve("warehouse");
      Path config = dir.resolve("job-repository.properties");
      Files.writeString(
          config,
          repository.settings().entrySet().stream()
              .map(s -> s.getKey() + "=" + s.getValue().replace("\\", "\\\\"))
              .collect(Collectors.joining("\n")));
      List<String> night =
          List.of(
              "nightly",
              "--date",
              NIGHT,
              "--ledger",
              ledger.toString(),
              "--warehouse",
              warehouse.toString(),
              "--config",
              config.toString());

      // After credit: one step recorded done, one written but not recorded, and the child stays
      // short.
      Process killed = child(dir, night, "-Dgiftpay.fault.point=credit:after");
      assertEquals(137, killed.waitFor(), "halted as kill -9 would");
      assertEquals(
          List.of("STARTED"),
          executions(repository),
          "the killed execution is left running in " + kind);
      assertFalse(Files.exists(warehouse.resolve("payouts/dt=" + NIGHT)), "nothing published");

      String[] resumed = giftpay(night);
      assertEquals("0", resumed[0], resumed[2]);
      assertTrue(resumed[1].contains("was interrupted"), resumed[1]);
      assertEquals(
          List.of("FAILED", "COMPLETED"),
          executions(repository),
          "the killed execution closed, then one that completed");
      assertEquals(
          List.of("COMPLETED"),
          repository.column(stepStatuses("ingest")),
          "ingest ran once: the restart read that it was done");
      assertEquals(
          List.of("FAILED", "COMPLETED"),
          repository.column(stepStatuses("credit")),
          "credit ran again: it was written, not recorded (recovery marked the killed run's step failed)");
      assertSameBytes(reference, publishedFiles(warehouse));
    }
  }

  private static List<String> executions(TestJobRepository repository) throws Exception {
    return repository.column(
        "SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
            + " ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'nightly' ORDER BY e.JOB_EXECUTION_ID");
  }

  private static String stepStatuses(String step) {
    return "SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = '"
        + step
        + "' ORDER BY STEP_EXECUTION_ID";
  }

  /** {status, out, err} of the CLI run in this JVM. */
  private static String[] giftpay(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Giftpay.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {
      Integer.toString(status),
      out.toString(StandardCharsets.UTF_8),
      err.toString(StandardCharsets.UTF_8)
    };
  }

  /** The CLI in a JVM of its own, with this JVM's class path, Spark flags and settings. */
  private static Process child(Path dir, List<String> args, String fault) throws Exception {
    List<String> options = new ArrayList<>(List.of("-Xmx1g"));
    options.addAll(
        ChildJvm.properties(
            "giftpay.rules.dir",
            "giftpay.spark.shuffle-partitions",
            "giftpay.model.enabled",
            "giftpay.privacy.key-file"));
    options.addAll(List.of("-Dgiftpay.log.file=" + dir.resolve("child.log"), fault));
    return ChildJvm.of(options, Giftpay.class, args)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.out").toFile())
        .start();
  }

  private static Map<String, byte[]> publishedFiles(Path warehouse) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    for (String table : PUBLISHED) {
      Path dir = warehouse.resolve(table);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> paths = Files.walk(dir)) {
          for (Path p : paths.filter(Files::isRegularFile).toList()) {
            files.put(
                warehouse.relativize(p).toString().replace(File.separatorChar, '/'),
                Files.readAllBytes(p));
          }
        }
      }
    }
    return files;
  }

  private static void assertSameBytes(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertFalse(expected.isEmpty());
    assertEquals(expected.keySet(), actual.keySet(), "the same published files");
    expected.forEach(
        (file, bytes) -> assertTrue(Arrays.equals(bytes, actual.get(file)), "bytes of " + file));
  }
}
