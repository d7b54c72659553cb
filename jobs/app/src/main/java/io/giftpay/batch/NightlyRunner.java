package io.giftpay.batch;

import io.giftpay.config.GiftpayConfig;
import io.giftpay.night.NightFailure;
import io.giftpay.night.NightRecords;
import io.giftpay.night.NightSummary;
import io.giftpay.spark.SmallNightSettings;
import io.giftpay.warehouse.LedgerLayout;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Launches the nightly job for one night at a time on a Spring context built around the given
 * services and job repository. Decides before launching whether the night is already done (an exact
 * no-op), out of order (refused), or was interrupted (recovered and resumed).
 */
public final class NightlyRunner implements AutoCloseable {
  private final NightServices services;
  private final AnnotationConfigApplicationContext spring;
  private final JobOperator jobOperator;
  private final JobRepository jobRepository;
  private final Job job;
  private final NightRecords records;

  public NightlyRunner(NightServices services, DataSource jobRepositoryDatabase) {
    this.services = services;
    this.spring = new AnnotationConfigApplicationContext();
    spring.registerBean(NightServices.class, () -> services);
    spring.registerBean("dataSource", DataSource.class, () -> jobRepositoryDatabase);
    spring.register(NightlyJobConfiguration.class);
    spring.refresh();
    this.jobOperator = spring.getBean(JobOperator.class);
    this.jobRepository = spring.getBean(JobRepository.class);
    this.job = spring.getBean(NightlyJobConfiguration.JOB_NAME, Job.class);
    this.records = new NightRecords(services.warehouse(), services.files());
  }

  /** How one night ended. */
  public record Outcome(
      LocalDate night,
      boolean ran,
      NightSummary summary,
      List<String> stepTimes,
      String sparkWork) {}

  public Outcome run(LocalDate night, String ledger, boolean emptyDay) {
    if (records.isCompleted(night)) {
      services
          .progress()
          .line(
              "Night %s is already completed in %s; nothing to do (a completed night never runs twice).",
              night, services.warehouse().root());
      return new Outcome(
          night,
          false,
          records.read(night).map(NightSummary::fromJson).orElse(null),
          List.of(),
          null);
    }
    records.requireRunnable(night);
    JobParameters parameters =
        NightlyJobParameters.of(night, services.warehouse().root().toString(), ledger, emptyDay);
    recoverInterrupted(parameters);
    JobExecution execution;
    try (SmallNightSettings small =
        SmallNightSettings.apply(services.spark(), smallNightSettings(night, ledger))) {
      execution = jobOperator.start(job, parameters);
    } catch (JobInstanceAlreadyCompleteException e) {
      throw new NightFailure(
          "Night "
              + night
              + " is recorded complete in the job repository but not in the warehouse "
              + services.warehouse().root()
              + "; was the warehouse restored from a backup?",
          e);
    } catch (Exception e) {
      throw new NightFailure("Cannot start night " + night + ": " + e.getMessage(), e);
    }
    String sparkWork = services.progress().takeSparkWork().orElse(null);
    if (execution.getStatus() != BatchStatus.COMPLETED) {
      throw failureOf(night, execution);
    }
    NightSummary summary = records.read(night).map(NightSummary::fromJson).orElseThrow();
    return new Outcome(night, true, summary, stepTimes(execution), sparkWork);
  }

  /**
   * Spark settings for the night from the size of its ledger files (a resumed night gets the same).
   */
  private java.util.Map<String, String> smallNightSettings(LocalDate night, String ledger) {
    long bytes =
        new LedgerLayout(
                new org.apache.hadoop.fs.Path(ledger),
                services.spark().sparkContext().hadoopConfiguration())
            .eventBytes(night);
    java.util.Map<String, String> settings =
        SmallNightSettings.forNight(
            bytes,
            services
                .config()
                .getLong(GiftpayConfig.SMALL_NIGHT_BYTES, GiftpayConfig.SMALL_NIGHT_BYTES_DEFAULT));
    if (!settings.isEmpty()) {
      services
          .progress()
          .line(
              "Night %s: %,d bytes of ledger events, a small night: Spark runs it without code generation"
                  + " or adaptive re-planning (%s=0 turns this off)",
              night, bytes, GiftpayConfig.SMALL_NIGHT_BYTES);
    }
    return settings;
  }

  /**
   * A run killed mid-way leaves its execution STARTED forever. This process holds the warehouse
   * lock, so no other run can own it: mark it failed, and the start below resumes at the step that
   * did not complete.
   */
  private void recoverInterrupted(JobParameters parameters) {
    JobExecution last =
        jobRepository.getLastJobExecution(NightlyJobConfiguration.JOB_NAME, parameters);
    if (last != null && last.getStatus().isRunning()) {
      services
          .progress()
          .line(
              "Night %s: execution %d was interrupted (status %s); resuming it",
              parameters.getLocalDate(NightlyJobParameters.NIGHT), last.getId(), last.getStatus());
      jobOperator.recover(last);
    }
  }

  private static NightFailure failureOf(LocalDate night, JobExecution execution) {
    List<Throwable> failures = new ArrayList<>(execution.getAllFailureExceptions());
    for (StepExecution step : execution.getStepExecutions()) {
      failures.addAll(step.getFailureExceptions());
    }
    for (Throwable failure : failures) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        if (t instanceof NightFailure nightFailure) {
          return nightFailure;
        }
      }
    }
    Throwable first = failures.isEmpty() ? null : failures.get(0);
    Throwable root = first;
    while (root != null && root.getCause() != null) {
      root = root.getCause();
    }
    String step =
        execution.getStepExecutions().stream()
            .filter(s -> s.getStatus() == BatchStatus.FAILED)
            .map(StepExecution::getStepName)
            .findFirst()
            .orElse("?");
    return new NightFailure(
        "Night "
            + night
            + " failed in step "
            + step
            + ": "
            + (root == null
                ? execution.getExitStatus().getExitDescription()
                : root.getClass().getSimpleName() + ": " + root.getMessage()),
        first);
  }

  private static List<String> stepTimes(JobExecution execution) {
    List<String> times = new ArrayList<>();
    for (StepExecution step : execution.getStepExecutions()) {
      if (step.getStartTime() != null && step.getEndTime() != null) {
        Duration d = Duration.between(step.getStartTime(), step.getEndTime());
        times.add(String.format("%s %.1fs", step.getStepName(), d.toMillis() / 1000.0));
      }
    }
    return times;
  }

  @Override
  public void close() {
    spring.close();
  }
}
