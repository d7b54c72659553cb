package io.giftpay.night;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.SparkSession;

/**
 * What a person watching the night sees: one line per finished piece of work, and while a step runs
 * long, a line every few seconds with Spark's active stage and its tasks.
 */
public final class Progress implements AutoCloseable {
  private static final long HEARTBEAT_SECONDS = 10;

  private final PrintStream out;
  private final ScheduledExecutorService heartbeat;
  private ScheduledFuture<?> beat;
  private final SparkWorkCounter counter = new SparkWorkCounter();
  private org.apache.spark.SparkContext counted;
  private SparkWorkCounter.Work stepStartWork = SparkWorkCounter.Work.NONE;
  private final java.util.Map<String, SparkWorkCounter.Work> workByStep =
      new java.util.LinkedHashMap<>();

  public Progress(PrintStream out) {
    this.out = out;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "giftpay-progress");
              thread.setDaemon(true);
              return thread;
            });
  }

  public void line(String format, Object... args) {
    out.println(String.format(Locale.ROOT, format, args));
    out.flush();
  }

  /** Starts the heartbeat for a step; {@link #stepDone} stops it. */
  public void stepStarted(String step, SparkSession spark) {
    line("[%s] started", step);
    if (counted != spark.sparkContext()) {
      spark.sparkContext().addSparkListener(counter);
      counted = spark.sparkContext();
    }
    stepStartWork = counter.now();
    long started = System.nanoTime();
    SparkStatusTracker tracker = spark.sparkContext().statusTracker();
    beat =
        heartbeat.scheduleAtFixedRate(
            () -> line("[%s] running %s, %s", step, activeStage(tracker), elapsed(started)),
            HEARTBEAT_SECONDS,
            HEARTBEAT_SECONDS,
            TimeUnit.SECONDS);
  }

  public void stepDone(String step, long startedNanos) {
    if (beat != null) {
      beat.cancel(false);
      beat = null;
    }
    SparkWorkCounter.Work work = counter.now().minus(stepStartWork);
    workByStep.merge(step, work, SparkWorkCounter.Work::plus);
    line(
        "[%s] done in %s (%,d Spark jobs, %,d stages, %,d tasks)",
        step, elapsed(startedNanos), work.jobs(), work.stages(), work.tasks());
  }

  /**
   * The Spark jobs each step ran since the last call, and their total, as the line the night
   * summary prints; empty when no step ran. Counted from Spark's listener events.
   */
  public java.util.Optional<String> takeSparkWork() {
    if (workByStep.isEmpty()) {
      return java.util.Optional.empty();
    }
    SparkWorkCounter.Work total = SparkWorkCounter.Work.NONE;
    java.util.List<String> parts = new java.util.ArrayList<>();
    for (var entry : workByStep.entrySet()) {
      parts.add(entry.getKey() + " " + entry.getValue().jobs());
      total = total.plus(entry.getValue());
    }
    workByStep.clear();
    return java.util.Optional.of(
        String.format(
            Locale.ROOT,
            "%,d jobs, %,d stages, %,d tasks (jobs per step: %s)",
            total.jobs(),
            total.stages(),
            total.tasks(),
            String.join(", ", parts)));
  }

  private static String activeStage(SparkStatusTracker tracker) {
    int[] stages = tracker.getActiveStageIds();
    if (stages.length == 0) {
      return "(no Spark stage active)";
    }
    StringBuilder text = new StringBuilder();
    for (int id : stages) {
      scala.Option<SparkStageInfo> info = tracker.getStageInfo(id);
      if (info.isDefined()) {
        SparkStageInfo stage = info.get();
        if (text.length() > 0) {
          text.append("; ");
        }
        text.append(
            String.format(
                Locale.ROOT,
                "stage %d: %d/%d tasks",
                id,
                stage.numCompletedTasks(),
                stage.numTasks()));
      }
    }
    return text.toString();
  }

  public static String elapsed(long startedNanos) {
    Duration d = Duration.ofNanos(System.nanoTime() - startedNanos);
    return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    // A session that outlives this run (a test's, a notebook's) does not keep counting for it.
    if (counted != null && !counted.isStopped()) {
      counted.removeSparkListener(counter);
    }
  }
}
