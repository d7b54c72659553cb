package io.giftpay.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM of its own for a test that must kill a process or see another one hold something: this
 * JVM's java, class path and Spark flags (as the pom's surefire argLine starts this one), and the
 * {@code SPARK_LOCAL_IP} the pom sets.
 */
final class ChildJvm {
  private ChildJvm() {}

  /** {@code java <Spark flags> <options> -cp <this class path> <main> <args>}, not started yet. */
  static ProcessBuilder of(List<String> options, Class<?> main, List<String> args) {
    return of(options, System.getProperty("java.class.path"), main.getName(), args);
  }

  /**
   * The same on another class path (e.g. only Spark's jars, as a cluster node has them), for a main
   * class that need not be on this JVM's class path.
   */
  static ProcessBuilder of(List<String> options, String classPath, String main, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(sparkFlags());
    command.addAll(options);
    command.addAll(List.of("-cp", classPath, main));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder;
  }

  /** {@code -Dkey=value} for each key, with this JVM's value. */
  static List<String> properties(String... keys) {
    List<String> options = new ArrayList<>();
    for (String key : keys) {
      options.add("-D" + key + "=" + System.getProperty(key));
    }
    return options;
  }

  /**
   * The flags Spark needs on Java 17 and the collector the pom's test.jvm.flags choose, as this JVM
   * was started with them, and C1 only: a child lives seconds, too short for C2 to pay for its
   * compiling on 2 cores (docs/benchmarks.md, "Starting a process").
   */
  private static List<String> sparkFlags() {
    List<String> flags = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-")
          || arg.startsWith("-XX:+IgnoreUnrecognized")
          || arg.startsWith("--enable-native")
          || arg.startsWith("-Djdk.reflect")
          || arg.startsWith("-Dio.netty")
          || arg.equals("-XX:+UseParallelGC")) {
        flags.add(arg);
      }
    }
    return flags;
  }
}
