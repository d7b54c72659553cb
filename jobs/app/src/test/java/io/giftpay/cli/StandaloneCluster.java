package io.giftpay.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 made of Spark's own classes: one Master and a few
 * Workers, each a JVM of its own whose class path is only Spark's jars, as on a real node.
 *
 * <p>Workers start executors with the command Spark's launcher builds from {@code SPARK_HOME} (its
 * {@code jars/} folder, and {@code SPARK_SCALA_VERSION} since there is no build tree), so a
 * throwaway Spark home links Spark's jars into {@code jars/}. Every log and each executor's stdout
 * and stderr stay in {@code dir} for whoever reads a failure.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Pattern MASTER_URL =
      Pattern.compile("Starting Spark master at (spark://127\\.0\\.0\\.1:\\d+)");
  private static final String REGISTERED = "Successfully registered with master";

  private final Path dir;
  private final List<Process> processes = new ArrayList<>();
  private final List<Path> workDirs = new ArrayList<>();
  private String masterUrl;

  private StandaloneCluster(Path dir) {
    this.dir = dir;
  }

  /**
   * Starts a master and {@code workers} workers of {@code cores} cores and {@code memory} each, and
   * waits until all registered.
   */
  static StandaloneCluster start(
      Path dir, List<Path> sparkJars, int workers, int cores, String memory) throws IOException {
    StandaloneCluster cluster = new StandaloneCluster(dir);
    try {
      cluster.startAll(sparkJars, workers, cores, memory);
      return cluster;
    } catch (IOException | RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** {@code spark://127.0.0.1:PORT}. */
  String masterUrl() {
    return masterUrl;
  }

  /** The Spark home the nodes use: {@code jars/} holds Spark's jars. */
  Path sparkHome() {
    return dir.resolve("spark-home");
  }

  /** Each worker's work folder: {@code app-*}/{@code <executor id>}/ per executor it ran. */
  List<Path> workDirs() {
    return List.copyOf(workDirs);
  }

  /** The executor folders under every worker, by application id prefix ({@code app-...}). */
  List<Path> executorDirs() throws IOException {
    List<Path> executors = new ArrayList<>();
    for (Path work : workDirs) {
      try (Stream<Path> apps = Files.list(work)) {
        for (Path app : apps.filter(Files::isDirectory).sorted().toList()) {
          try (Stream<Path> ids = Files.list(app)) {
            ids.filter(Files::isDirectory).sorted().forEach(executors::add);
          }
        }
      }
    }
    return executors;
  }

  /** A process's environment as a node has it: its Spark home, the loopback address, Scala 2.13. */
  void nodeEnvironment(ProcessBuilder builder) {
    builder.environment().put("SPARK_HOME", sparkHome().toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
  }

  private void startAll(List<Path> sparkJars, int workers, int cores, String memory)
      throws IOException {
    Files.createDirectories(dir);
    Path jars = Files.createDirectories(sparkHome().resolve("jars"));
    Files.createDirectories(sparkHome().resolve("conf"));
    for (Path jar : sparkJars) {
      Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
    }
    String classPath = jars + "/*";

    Path masterLog = dir.resolve("master.log");
    processes.add(
        node(
            classPath,
            "org.apache.spark.deploy.master.Master",
            List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0"),
            masterLog));
    masterUrl = awaitLine(masterLog, MASTER_URL, processes.get(0)).group(1);

    List<Path> workerLogs = new ArrayList<>();
    for (int i = 1; i <= workers; i++) {
      Path work = Files.createDirectories(dir.resolve("worker-" + i));
      workDirs.add(work);
      Path log = dir.resolve("worker-" + i + ".log");
      workerLogs.add(log);
      processes.add(
          node(
              classPath,
              "org.apache.spark.deploy.worker.Worker",
              List.of(
                  masterUrl,
                  "--host",
                  "127.0.0.1",
                  "--cores",
                  String.valueOf(cores),
                  "--memory",
                  memory,
                  "--work-dir",
                  work.toString(),
                  "--webui-port",
                  "0"),
              log));
    }
    for (int i = 0; i < workers; i++) {
      awaitLine(
          workerLogs.get(i), Pattern.compile(Pattern.quote(REGISTERED)), processes.get(i + 1));
    }
  }

  private Process node(String classPath, String main, List<String> args, Path log)
      throws IOException {
    ProcessBuilder builder = ChildJvm.of(List.of("-Xmx256m"), classPath, main, args);
    nodeEnvironment(builder);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return builder.start();
  }

  /** Waits for a line of a node's log, or fails with the log if the node dies or is too slow. */
  private static Matcher awaitLine(Path log, Pattern line, Process node) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String text = Files.exists(log) ? Files.readString(log, UTF_8) : "";
      Matcher m = line.matcher(text);
      if (m.find()) {
        return m;
      }
      if (!node.isAlive()) {
        throw new IllegalStateException(
            "Spark node exited with "
                + node.exitValue()
                + " before logging '"
                + line
                + "'; its log "
                + log
                + ":\n"
                + text);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + log, e);
      }
    }
    throw new IllegalStateException(
        "no '"
            + line
            + "' in "
            + log
            + " after "
            + START_TIMEOUT.toSeconds()
            + " s:\n"
            + Files.readString(log, UTF_8));
  }

  /** Stops workers (their executors with them), then the master. */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      stop(processes.get(i));
    }
    processes.clear();
  }

  private static void stop(Process node) {
    List<ProcessHandle> children = node.descendants().toList();
    node.destroy();
    try {
      if (!node.waitFor(20, TimeUnit.SECONDS)) {
        node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      node.destroyForcibly();
    }
    // An executor a worker failed to stop must not outlive the test.
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
