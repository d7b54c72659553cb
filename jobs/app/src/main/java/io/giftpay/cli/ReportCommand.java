package io.giftpay.cli;

import io.giftpay.config.GiftpayConfig;
import io.giftpay.night.NightRecords;
import io.giftpay.payout.PayoutPolicy;
import io.giftpay.payout.PayoutPolicyFile;
import io.giftpay.report.CaseSource;
import io.giftpay.report.NightReport;
import io.giftpay.report.NightReportReader;
import io.giftpay.report.NightReportWriter;
import io.giftpay.spark.SparkSessions;
import io.giftpay.warehouse.WarehouseFiles;
import io.giftpay.warehouse.WarehouseLayout;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code giftpay report}: writes the night report of a completed night again. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    header = "write a completed night's report again (<warehouse>/reports/dt=D/index.html)",
    description = {
      "Writes the night report of a completed night D to <warehouse>/reports/dt=D/index.html:",
      "one self-contained HTML page (no network; charts as inline SVG) with the books, payouts",
      "by currency, quarantine by reason, flags by source and the model's scores, a 30-night",
      "trend of paid and held USD, the biggest open review cases, the backlog by age and the",
      "creator dependency bands. The night writes it itself once its checks pass; this writes",
      "it again from the published tables."
    })
final class ReportCommand implements Callable<Integer> {
  @Option(
      names = "--date",
      required = true,
      paramLabel = "D",
      description = "the completed night to report (YYYY-MM-DD)")
  LocalDate date;

  @Mixin WarehouseOption warehouse;

  @Mixin SparkOptions sparkOptions;

  @Spec CommandSpec spec;

  private final CaseSource cases;

  /** With the cases of the night's kept case book. */
  ReportCommand() {
    this(null);
  }

  /** With the review cases of the night from {@code cases}. */
  ReportCommand(CaseSource cases) {
    this.cases = cases;
  }

  @Override
  public Integer call() {
    Path root = warehouse.root();
    WarehouseLayout layout = new WarehouseLayout(new org.apache.hadoop.fs.Path(root.toString()));
    // Refuse before Spark starts: only a published night has tables to report.
    if (!new NightRecords(layout, new WarehouseFiles(layout.root(), new Configuration()))
        .isCompleted(date)) {
      throw new IllegalArgumentException(
          "Invalid --date: "
              + date
              + " (night not completed in "
              + root
              + ": no night record "
              + layout.nightRecord(date).toUri().getPath()
              + "; run giftpay nightly for it first)");
    }
    Logs.useFile(root.resolve("_giftpay/logs/giftpay.log"));
    GiftpayConfig settings = sparkOptions.config();
    PayoutPolicy policy = PayoutPolicyFile.load(settings.policyFile());
    boolean ownSession = SparkSession.getActiveSession().isEmpty();
    SparkSession spark = SparkSessions.create(settings);
    try {
      WarehouseFiles files =
          new WarehouseFiles(layout.root(), spark.sparkContext().hadoopConfiguration());
      NightReport report =
          new NightReportReader(spark, layout, files, policy)
              .read(
                  date,
                  (cases == null ? CaseSource.caseBook(policy) : cases).cases(spark, layout, date));
      org.apache.hadoop.fs.Path written = new NightReportWriter(layout, files).write(report);
      Giftpay.out(spec).println("giftpay report " + date + ": " + written.toUri().getPath());
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
    return Giftpay.OK;
  }
}
