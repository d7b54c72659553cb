package io.giftpay.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Named places inside a night where the kill suite (tests only) stops the process with a real
 * SIGKILL: between writing a file and renaming it, between two publish renames, after Spark wrote a
 * staged table and before it is tidied, and so on. Off unless configured, and then a place costs a
 * string comparison.
 *
 * <p>A place is {@code <night>/<step>/<site>#<n>}: the n-th time the step reaches the site on that
 * night, counted from the step's start. A resumed step starts again from its beginning, so the same
 * name means the same moment in every process. With a trace file every place reached is appended to
 * it, one per line: that is how the suite learns the places a night has.
 */
public final class KillPoints {
  private static String target;
  private static java.nio.file.Path trace;
  private static String night = "-";
  private static String step = "-";
  private static final Map<String, Integer> reachedInStep = new HashMap<>();

  private KillPoints() {}

  /**
   * Sets the place to kill at ({@code null}: none) and the trace file ({@code null}: none) for this
   * process.
   */
  public static synchronized void configure(String killAt, String traceFile) {
    target = killAt;
    trace = traceFile == null ? null : java.nio.file.Path.of(traceFile);
  }

  /** A step of a night starts (or starts again on resume): its sites are counted from 1. */
  public static synchronized void stepStarted(String nightDate, String stepName) {
    night = nightDate;
    step = stepName;
    reachedInStep.clear();
  }

  /** The step ended: places reached outside a step are named {@code -/-/<site>#<n>}. */
  public static synchronized void stepEnded() {
    stepStarted("-", "-");
  }

  /** The running step reached {@code site}; kills the process if this is the configured place. */
  public static synchronized void reach(String site) {
    if (target == null && trace == null) {
      return;
    }
    int n = reachedInStep.merge(site, 1, Integer::sum);
    String place = night + "/" + step + "/" + site + "#" + n;
    if (trace != null) {
      try {
        Files.writeString(
            trace,
            place + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot append to the kill-point trace " + trace, e);
      }
    }
    if (place.equals(target)) {
      sigkillThisProcess(place);
    }
  }

  /**
   * SIGKILL from the operating system, as an operator's kill -9 would: no finally block, no hook
   * runs.
   */
  private static void sigkillThisProcess(String place) {
    System.out.println("giftpay-fault: SIGKILL at " + place);
    System.out.flush();
    long pid = ProcessHandle.current().pid();
    try {
      new ProcessBuilder("kill", "-KILL", Long.toString(pid))
          .inheritIO()
          .start()
          .waitFor(30, TimeUnit.SECONDS);
      Thread.sleep(TimeUnit.SECONDS.toMillis(30));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot send SIGKILL to process " + pid, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Only if the signal never came: stop as hard as the JVM can.
    Runtime.getRuntime().halt(137);
  }
}
