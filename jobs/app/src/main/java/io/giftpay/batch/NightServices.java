package io.giftpay.batch;

import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.config.GiftpayConfig;
import io.giftpay.night.NightContext;
import io.giftpay.night.Progress;
import io.giftpay.payout.PayoutPolicy;
import io.giftpay.rules.DetectionRule;
import io.giftpay.warehouse.LedgerLayout;
import io.giftpay.warehouse.WarehouseFiles;
import io.giftpay.warehouse.WarehouseLayout;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * What the nightly job's steps are given by whoever launches it: one Spark session and the loaded
 * rules, shared by every night of a run. A step builds its night's context from the job parameters,
 * so a restarted execution sees exactly the night it was started for.
 */
public record NightServices(
    SparkSession spark,
    WarehouseLayout warehouse,
    WarehouseFiles files,
    PayoutPolicy policy,
    GiftCatalogue catalogue,
    List<DetectionRule> rules,
    GiftpayConfig config,
    Progress progress) {

  public NightContext contextFor(JobParameters parameters) {
    LocalDate night = parameters.getLocalDate(NightlyJobParameters.NIGHT);
    String ledger = parameters.getString(NightlyJobParameters.LEDGER);
    boolean emptyDay =
        Boolean.parseBoolean(parameters.getString(NightlyJobParameters.EMPTY_DAY, "false"));
    return new NightContext(
        night,
        emptyDay,
        spark,
        new LedgerLayout(new Path(ledger), spark.sparkContext().hadoopConfiguration()),
        warehouse,
        files,
        policy,
        catalogue,
        rules,
        config,
        progress);
  }
}
