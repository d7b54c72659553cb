package io.giftpay.batch;

import java.time.LocalDate;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The nightly job's parameters. A job instance is one night of one warehouse: {@code night} and
 * {@code warehouse} identify it, so running a night again finds the same instance.
 */
public final class NightlyJobParameters {
  public static final String NIGHT = "night";
  public static final String WAREHOUSE = "warehouse";
  public static final String LEDGER = "ledger";
  public static final String EMPTY_DAY = "empty-day";

  private NightlyJobParameters() {}

  public static JobParameters of(
      LocalDate night, String warehouse, String ledger, boolean emptyDay) {
    return new JobParametersBuilder()
        .addLocalDate(NIGHT, night, true)
        .addString(WAREHOUSE, warehouse, true)
        .addString(LEDGER, ledger, false)
        .addString(EMPTY_DAY, Boolean.toString(emptyDay), false)
        .toJobParameters();
  }
}
