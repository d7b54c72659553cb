package io.giftpay.batch;

import io.giftpay.night.CheckNight;
import io.giftpay.night.CreditNight;
import io.giftpay.night.DetectNight;
import io.giftpay.night.IncomeNight;
import io.giftpay.night.IngestNight;
import io.giftpay.night.PayNight;
import io.giftpay.night.PublishNight;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The {@code nightly} job: ingest, credit, detect, income, pay, check, publish. Each step is a
 * tasklet around plain Giftpay code; a failed or killed night restarts at the step that did not
 * complete. The launcher registers {@link NightServices} and a {@link DataSource} before refresh.
 */
@Configuration
@EnableBatchProcessing
@EnableJdbcJobRepository
public class NightlyJobConfiguration {
  public static final String JOB_NAME = "nightly";

  @Bean
  public JdbcTransactionManager transactionManager(DataSource dataSource) {
    return new JdbcTransactionManager(dataSource);
  }

  @Bean
  public Step ingestStep(
      JobRepository jobRepository,
      JdbcTransactionManager transactionManager,
      NightServices services) {
    // Ingest stops the night itself when a table's counts do not reconcile with its source files.
    return step(
        IngestNight.STEP,
        jobRepository,
        transactionManager,
        services,
        context -> new IngestNight(context).run());
  }

  @Bean
  public Step creditStep(
      JobRepository jobRepository,
      JdbcTransactionManager transactionManager,
      NightServices services) {
    return step(
        CreditNight.STEP,
        jobRepository,
        transactionManager,
        services,
        context -> new CreditNight(context).run());
  }

  @Bean
  public Step detectStep(
      JobRepository jobRepository,
      JdbcTransactionManager transactionManager,
      NightServices services) {
    return step(
        DetectNight.STEP,
        jobRepository,
        transactionManager,
        services,
        context -> new DetectNight(context).run());
  }

  @Bean
  public Step incomeStep(
      JobRepository jobRepository,
      JdbcTransactionManager transactionManager,
      NightServices services) {
    return step(
        IncomeNight.STEP,
        jobRepository,
        transactionManager,
        services,
        context -> new IncomeNight(context).run());
  }

  @Bean
  public Step payStep(
      JobRepository jobRepository,
      JdbcTransactionManager transactionManager,
      NightServices services) {
    return step(
        PayNight.STEP,
        jobRepository,
        transactionManager,
        services,
        context -> new PayNight(context).run());
  }

  @Bean
  public Step checkStep(
      JobRepository jobRepository,
      JdbcTransactionManager transactionManager,
      NightServices services) {
    return step(
        CheckNight.STEP,
        jobRepository,
        transactionManager,
        services,
        context -> new CheckNight(context).run());
  }

  @Bean
  public Step publishStep(
      JobRepository jobRepository,
      JdbcTransactionManager transactionManager,
      NightServices services) {
    return step(
        PublishNight.STEP,
        jobRepository,
        transactionManager,
        services,
        context -> new PublishNight(context).run());
  }

  @Bean
  public Job nightly(
      JobRepository jobRepository,
      Step ingestStep,
      Step creditStep,
      Step detectStep,
      Step incomeStep,
      Step payStep,
      Step checkStep,
      Step publishStep) {
    return new JobBuilder(JOB_NAME, jobRepository)
        .start(ingestStep)
        .next(creditStep)
        .next(detectStep)
        .next(incomeStep)
        .next(payStep)
        .next(checkStep)
        .next(publishStep)
        .build();
  }

  private static Step step(
      String name,
      JobRepository jobRepository,
      JdbcTransactionManager transactionManager,
      NightServices services,
      java.util.function.Consumer<io.giftpay.night.NightContext> body) {
    return new StepBuilder(name, jobRepository)
        .tasklet(new NightStepTasklet(name, services, body), transactionManager)
        .build();
  }
}
