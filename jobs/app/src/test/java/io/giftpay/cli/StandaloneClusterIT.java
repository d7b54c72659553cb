package io.giftpay.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.sample.GeneratorOptions;
import io.giftpay.sample.LedgerFormat;
import io.giftpay.sample.LedgerGenerator;
import io.giftpay.warehouse.PublishedTables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Giftpay on a real Spark cluster: a standalone master and two workers on 127.0.0.1 started from
 * Spark's own classes ({@link StandaloneCluster}), with only Spark's jars on their class path. Two
 * nights of a small generated ledger run on it into one warehouse, each the way an operator would:
 *
 * <ol>
 *   <li>night 1 by {@code giftpay nightly --master spark://...}, the launcher's class path ({@code
 *       giftpay.jar}, {@code lib/}, {@code spark/}): the driver ships Giftpay's jars to the
 *       executors itself;
 *   <li>night 2 by Spark's {@code SparkSubmit} with the application jar {@code
 *       giftpay-spark-app.jar}, on a class path of Spark's jars only, as {@code spark-submit} runs
 *       it.
 * </ol>
 *
 * The same two nights run on {@code local[2]} into another warehouse (the same identifier key), and
 * every published table's files of both nights must be byte for byte the same.
 *
 * <p>An integration test (failsafe, after {@code package}): it needs the packaged jars. Run it with
 * {@code mvn -B -ntp -pl jobs/app -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=StandaloneClusterIT}. The nodes' logs, the executors' output and each run's output stay
 * in {@code target/standalone-cluster/}.
 */
class StandaloneClusterIT {
  private static final LocalDate NIGHT_1 = LocalDate.of(2026, 11, 1);
  private static final LocalDate NIGHT_2 = NIGHT_1.plusDays(1);
  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final Path APP_JAR = TARGET.resolve("giftpay-spark-app.jar");
  private static final Path THIN_JAR = TARGET.resolve("giftpay.jar");
  private static final Path LIB = TARGET.resolve("lib");
  private static final Path SPARK_JARS = TARGET.resolve("spark");
  private static final Path OUT = TARGET.resolve("standalone-cluster");
  private static final int WORKERS = 2;
  private static final long RUN_TIMEOUT_MINUTES = 15;

  /**
   * Sized for 2 cores: each worker 1 core and 1 GiB, each executor 768 MiB of it. A small night's
   * tasks take milliseconds: waiting for the executor that holds a task's input (3 s by default)
   * costs more than reading it from the other executor.
   */
  private static final List<String> CLUSTER_SPARK =
      List.of("spark.executor.memory=768m", "spark.locality.wait=0");

  @TempDir static Path tmp;

  private static StandaloneCluster cluster;
  private static Path ledger;
  private static Path localWarehouse;
  private static Path clusterWarehouse;
  private static Run nightOnCluster;
  private static Run nightSubmitted;
  private static final Timings timings = new Timings();
  private static String logFileBefore;

  @BeforeAll
  static void runNightsLocallyAndOnTheCluster() throws Exception {
    for (Path built : List.of(APP_JAR, THIN_JAR, LIB, SPARK_JARS)) {
      assertTrue(
          Files.exists(built),
          () -> built + " is missing: this test runs after mvn package (mvn verify), on its jars");
    }
    deleteTree(OUT);
    Files.createDirectories(OUT);
    // The CLI points the log file at the first warehouse it sees; undo that after the class.
    logFileBefore = System.getProperty(Logs.PROPERTY);

    Path rules = Path.of("../../rules").toAbsolutePath().normalize();
    ledger = tmp.resolve("ledger");
    LedgerGenerator.generate(
        new GeneratorOptions(
            ledger,
            NIGHT_1,
            2,
            300,
            30,
            11L,
            LedgerFormat.MIXED,
            GiftCatalogue.load(rules.resolve("gift-catalogue.csv")).coinsByGiftId()),
        line -> {});
    // One key for both warehouses, or card and device keys (flags, quarantine) differ.
    Path settings = tmp.resolve("giftpay.properties");
    Files.writeString(
        settings,
        "giftpay.rules.dir="
            + rules
            + "\n"
            + "giftpay.privacy.key-file="
            + tmp.resolve("identifier.key")
            + "\n");
    Path clusterSettings = tmp.resolve("giftpay-cluster.properties");
    Files.writeString(
        clusterSettings, Files.readString(settings) + String.join("\n", CLUSTER_SPARK) + "\n");
    localWarehouse = tmp.resolve("warehouse-local");
    clusterWarehouse = tmp.resolve("warehouse-cluster");

    // The local nights run in this JVM while the cluster starts and runs its nights: the suite's
    // time is what matters, and the comparison does not depend on it.
    CompletableFuture<Run> local =
        CompletableFuture.supplyAsync(
            () -> {
              long since = System.nanoTime();
              Run run =
                  inProcess(
                      "local",
                      "nightly",
                      "--from",
                      NIGHT_1.toString(),
                      "--to",
                      NIGHT_2.toString(),
                      "--ledger",
                      ledger.toString(),
                      "--warehouse",
                      localWarehouse.toString(),
                      "--config",
                      settings.toString(),
                      "--master",
                      "local[2]");
              timings.add("local[2], 2 nights, in this JVM (meanwhile)", since);
              return run;
            });

    long started = System.nanoTime();
    cluster = StandaloneCluster.start(OUT, jarsIn(SPARK_JARS), WORKERS, 1, "1g");
    timings.add("cluster up (master, " + WORKERS + " workers)", started);

    started = System.nanoTime();
    String launcherClassPath = String.join(":", THIN_JAR.toString(), LIB + "/*", SPARK_JARS + "/*");
    nightOnCluster =
        child(
            "night-1-giftpay",
            ChildJvm.of(
                List.of("-Xmx1g"),
                launcherClassPath,
                Giftpay.class.getName(),
                List.of(
                    "nightly",
                    "--date",
                    NIGHT_1.toString(),
                    "--ledger",
                    ledger.toString(),
                    "--warehouse",
                    clusterWarehouse.toString(),
                    "--config",
                    clusterSettings.toString(),
                    "--master",
                    cluster.masterUrl())));
    assertEquals(
        0,
        nightOnCluster.status(),
        () -> "giftpay nightly --master " + cluster.masterUrl() + " failed:\n" + nightOnCluster);
    timings.add("night 1 on the cluster, giftpay nightly --master", started);

    started = System.nanoTime();
    List<String> submit =
        new ArrayList<>(
            List.of(
                "--master",
                cluster.masterUrl(),
                "--deploy-mode",
                "client",
                "--name",
                "giftpay",
                "--class",
                Giftpay.class.getName()));
    CLUSTER_SPARK.forEach(setting -> submit.addAll(List.of("--conf", setting)));
    submit.addAll(
        List.of(
            APP_JAR.toString(),
            "nightly",
            "--date",
            NIGHT_2.toString(),
            "--ledger",
            ledger.toString(),
            "--warehouse",
            clusterWarehouse.toString(),
            "--config",
            settings.toString()));
    nightSubmitted =
        child(
            "night-2-spark-submit",
            ChildJvm.of(
                List.of("-Xmx1g"),
                SPARK_JARS + "/*",
                "org.apache.spark.deploy.SparkSubmit",
                submit));
    assertEquals(
        0,
        nightSubmitted.status(),
        () -> "spark-submit of night " + NIGHT_2 + " failed:\n" + nightSubmitted);
    timings.add("night 2 on the cluster, SparkSubmit giftpay-spark-app.jar", started);

    Run localNights = local.get(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES);
    assertEquals(0, localNights.status(), () -> "the local[2] nights failed:\n" + localNights);
  }

  @AfterAll
  static void stopTheCluster() {
    if (cluster != null) {
      cluster.close();
    }
    if (logFileBefore == null) {
      System.clearProperty(Logs.PROPERTY);
    } else {
      System.setProperty(Logs.PROPERTY, logFileBefore);
    }
    System.out.println(timings);
  }

  @Test
  void bothClusterNightsRanOnTheClustersExecutors() throws IOException {
    for (Run run : List.of(nightOnCluster, nightSubmitted)) {
      assertTrue(
          run.out().contains("on " + cluster.masterUrl() + " started"),
          () -> "the night did not run on " + cluster.masterUrl() + ":\n" + run);
    }
    // Each application had one executor on each worker: two applications, four executors.
    List<Path> executors = cluster.executorDirs();
    assertEquals(
        2 * WORKERS, executors.size(), () -> "executor folders under the workers: " + executors);
    for (Path work : cluster.workDirs()) {
      assertTrue(
          executors.stream().filter(e -> e.startsWith(work)).count() == 2,
          () -> "worker " + work + " did not run an executor for each night: " + executors);
    }
  }

  @Test
  void everyPublishedTableIsByteIdenticalToTheLocalRun() throws IOException {
    List<String> problems = new ArrayList<>();
    int compared = 0;
    for (String table : PublishedTables.names()) {
      for (LocalDate night : List.of(NIGHT_1, NIGHT_2)) {
        String partition = table + "/dt=" + night;
        Set<String> local = filesUnder(localWarehouse.resolve(partition));
        Set<String> onCluster = filesUnder(clusterWarehouse.resolve(partition));
        if (local.stream().noneMatch(f -> f.endsWith(".parquet"))) {
          problems.add(partition + ": the local run published no Parquet file");
        }
        if (!local.equals(onCluster)) {
          problems.add(
              partition + ": files " + local + " locally, " + onCluster + " on the cluster");
          continue;
        }
        for (String file : local) {
          compared++;
          if (Files.mismatch(
                  localWarehouse.resolve(partition).resolve(file),
                  clusterWarehouse.resolve(partition).resolve(file))
              != -1) {
            problems.add(
                partition + "/" + file + ": bytes differ between local[2] and the cluster");
          }
        }
      }
    }
    int files = compared;
    assertTrue(
        problems.isEmpty(),
        () ->
            "published tables differ between local[2] and the cluster ("
                + files
                + " files compared):\n"
                + String.join("\n", problems));
  }

  @Test
  void theApplicationJarCarriesNoClassOfSparksJars() throws IOException {
    Set<String> sparkClasses = new HashSet<>();
    for (Path jar : jarsIn(SPARK_JARS)) {
      sparkClasses.addAll(classesIn(jar));
    }
    Set<String> appClasses = classesIn(APP_JAR);
    assertTrue(
        appClasses.contains("io/giftpay/cli/Giftpay.class"),
        "the application jar has no Giftpay main class");
    Set<String> clashes = new TreeSet<>(appClasses);
    clashes.retainAll(sparkClasses);
    assertTrue(
        clashes.isEmpty(),
        () ->
            clashes.size()
                + " classes of "
                + APP_JAR.getFileName()
                + " are also in Spark's jars (mark their artifact provided), e.g. "
                + clashes.stream().limit(20).toList());
  }

  // ---------------------------------------------------------------------------------------

  private record Run(String name, int status, String out, String err) {
    @Override
    public String toString() {
      return name
          + ": exit "
          + status
          + "\n--- stdout ---\n"
          + tail(out)
          + "--- stderr (last lines) ---\n"
          + tail(err)
          + "(everything in "
          + OUT
          + ")\n";
    }

    private static String tail(String text) {
      List<String> lines = text.lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())) + "\n";
    }
  }

  /** The CLI in this JVM, as other end-to-end tests run it. */
  private static Run inProcess(String name, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      status = Giftpay.run(List.of(args), o, e);
    }
    try {
      Files.writeString(OUT.resolve(name + ".out"), out.toString(UTF_8));
      Files.writeString(OUT.resolve(name + ".err"), err.toString(UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new Run(name, status, out.toString(UTF_8), err.toString(UTF_8));
  }

  /** A driver JVM of its own, with a node's environment, its output kept in {@link #OUT}. */
  private static Run child(String name, ProcessBuilder builder)
      throws IOException, InterruptedException {
    cluster.nodeEnvironment(builder);
    Path out = OUT.resolve(name + ".out");
    Path err = OUT.resolve(name + ".err");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    if (!process.waitFor(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      return new Run(
          name + " (killed after " + RUN_TIMEOUT_MINUTES + " minutes)",
          -1,
          Files.readString(out),
          Files.readString(err));
    }
    return new Run(name, process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static List<Path> jarsIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
    }
  }

  private static Set<String> classesIn(Path jar) throws IOException {
    Set<String> classes = new HashSet<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream()
          .map(ZipEntry::getName)
          .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class"))
          // a multi-release jar's META-INF/versions/N/a/B.class is class a.B too
          .map(
              n ->
                  n.startsWith("META-INF/versions/")
                      ? n.replaceFirst("^META-INF/versions/\\d+/", "")
                      : n)
          .forEach(classes::add);
    }
    return classes;
  }

  /** Every file under a folder, by relative path; empty when there is no folder. */
  private static Set<String> filesUnder(Path dir) throws IOException {
    Set<String> files = new TreeSet<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(Files::isRegularFile).forEach(f -> files.add(dir.relativize(f).toString()));
      }
    }
    return files;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** How long each part took, printed when the class ends (the suite's time matters). */
  private static final class Timings {
    private final List<String> lines = new ArrayList<>();
    private final long started = System.nanoTime();

    synchronized void add(String what, long since) {
      String line = String.format("  %-60s %6.1f s", what, (System.nanoTime() - since) / 1e9);
      lines.add(line);
      System.out.println("StandaloneClusterIT:" + line);
    }

    @Override
    public synchronized String toString() {
      return "StandaloneClusterIT timings:\n"
          + String.join("\n", lines)
          + "\n"
          + String.format("  %-60s %6.1f s", "total", (System.nanoTime() - started) / 1e9);
    }
  }
}
