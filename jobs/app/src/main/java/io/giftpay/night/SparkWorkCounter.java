package io.giftpay.night;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Counts the Spark jobs, stages and tasks a session runs, from Spark's own listener events: a small
 * night's cost is mostly the fixed cost of each job, so their number is printed with every step.
 * Stages skipped because their shuffle output was reused are not counted.
 */
final class SparkWorkCounter extends SparkListener {
  private final AtomicLong jobs = new AtomicLong();
  private final AtomicLong stages = new AtomicLong();
  private final AtomicLong tasks = new AtomicLong();

  /** Jobs, stages and tasks seen so far. */
  record Work(long jobs, long stages, long tasks) {
    Work minus(Work earlier) {
      return new Work(jobs - earlier.jobs, stages - earlier.stages, tasks - earlier.tasks);
    }

    Work plus(Work other) {
      return new Work(jobs + other.jobs, stages + other.stages, tasks + other.tasks);
    }

    static final Work NONE = new Work(0, 0, 0);
  }

  Work now() {
    return new Work(jobs.get(), stages.get(), tasks.get());
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    jobs.incrementAndGet();
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted stageCompleted) {
    stages.incrementAndGet();
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    tasks.incrementAndGet();
  }
}
