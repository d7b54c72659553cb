package io.giftpay.cli;

import io.giftpay.batch.JobRepositoryDatabase;
import io.giftpay.batch.NightServices;
import io.giftpay.batch.NightlyRunner;
import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.config.GiftpayConfig;
import io.giftpay.detection.RuleFiles;
import io.giftpay.rules.DetectionRule;
import io.giftpay.night.NightSummary;
import io.giftpay.night.Progress;
import io.giftpay.payout.PayoutPolicy;
import io.giftpay.payout.PayoutPolicyFile;
import io.giftpay.spark.SparkSessions;
import io.giftpay.warehouse.PublishedTables;
import io.giftpay.warehouse.WarehouseFiles;
import io.giftpay.warehouse.WarehouseLayout;
import io.giftpay.warehouse.WarehouseLock;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/** {@code giftpay nightly}: runs one night, or several in order, of the payout pipeline. */
final class NightlyCommand implements Giftpay.Command {
  private static final int MAX_NIGHTS = 3660;

  @Override
  public String help() {
    return """
        Usage: giftpay nightly --date D --ledger DIR --warehouse DIR [options]
               giftpay nightly --from D1 --to D2 --ledger DIR --warehouse DIR [options]

        Runs the night for business date D (YYYY-MM-DD): reads the ledger's event partitions
        dt=D and its snapshots as of D, quarantines rows that break the contract, credits
        creators, flags risky accounts (rules/detection/ and an anomaly model) and holds
        their money, pays the rest under the payout policy, checks the books, and publishes
        payouts, creator_balances, flags, holds, quarantine and night_counts under
        <warehouse>/<table>/dt=D/. With --from/--to, runs each night in order and stops at the
        first that fails.

        A completed night is never run twice (running it again prints so and changes
        nothing). A night that failed or was killed resumes at the step it did not finish.
        Nights run in order: D needs D-1 completed, except on a new warehouse.

        Options:
          --date D           the business date to run
          --from D1 --to D2  run D1..D2 inclusive, in order (instead of --date)
          --ledger DIR       the ledger root (<ledger>/<table>/dt=YYYY-MM-DD/*.parquet|*.csv)
          --warehouse DIR    where published tables, the job repository and logs live
          --master URL       Spark master (default local[*]; e.g. spark://host:7077)
          --config FILE      a properties file of giftpay.* and spark.* settings
          --empty-day        a missing event partition means the day had no events
                             (without it, a missing partition stops the night)

        The log is <warehouse>/_giftpay/logs/giftpay.log.
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out) {
    Options options =
        Options.parse("nightly", args,
            Set.of("--date", "--from", "--to", "--ledger", "--warehouse", "--master", "--config"),
            Set.of("--empty-day"));
    LocalDate from;
    LocalDate to;
    if (options.has("--date")) {
      if (options.has("--from") || options.has("--to")) {
        throw new UsageException("give either --date or --from and --to, not both");
      }
      from = to = options.date("--date");
    } else if (options.has("--from") || options.has("--to")) {
      from = options.date("--from");
      to = options.date("--to");
      if (to.isBefore(from)) {
        throw new UsageException("Invalid --to: " + to + " (before --from " + from + ")");
      }
      if (from.plusDays(MAX_NIGHTS).isBefore(to)) {
        throw new UsageException("Invalid --to: " + to + " (more than " + MAX_NIGHTS + " nights)");
      }
    } else {
      throw new UsageException("'nightly' needs --date, or --from and --to");
    }
    Path ledger = options.path("--ledger");
    Path warehouse = options.path("--warehouse");
    GiftpayConfig config = GiftpayConfig.load(options.has("--config") ? options.path("--config") : null);
    if (options.has("--master")) {
      config = config.with(GiftpayConfig.SPARK_MASTER, options.required("--master"));
    }
    runNights(config, ledger, warehouse, from, to, options.has("--empty-day"), out);
    return Giftpay.OK;
  }

  /** Loads and checks the rules, starts Spark once, and runs each night in order. */
  static void runNights(
      GiftpayConfig config, Path ledger, Path warehouse, LocalDate from, LocalDate to, boolean emptyDay, PrintStream out) {
    if (!Files.isDirectory(ledger)) {
      throw new IllegalArgumentException("Invalid --ledger: " + ledger + " (no such folder)");
    }
    Path warehouseRoot = warehouse.toAbsolutePath().normalize();
    Logs.useFile(warehouseRoot.resolve("_giftpay/logs/giftpay.log"));
    // Rules first: a broken policy or catalogue stops the run before Spark starts or anything is read.
    PayoutPolicy policy = PayoutPolicyFile.load(config.policyFile());
    GiftCatalogue catalogue = GiftCatalogue.load(config.catalogueFile());
    List<DetectionRule> rules = RuleFiles.load(config.detectionRulesDir());

    WarehouseLayout layout = new WarehouseLayout(new org.apache.hadoop.fs.Path(warehouseRoot.toString()));
    out.printf("giftpay nightly %s%s: ledger %s, warehouse %s%n", from, from.equals(to) ? "" : ".." + to,
        ledger.toAbsolutePath().normalize(), warehouseRoot);
    try (WarehouseLock lock = WarehouseLock.acquire(layout);
        Progress progress = new Progress(out)) {
      long sparkStarted = System.nanoTime();
      // A caller that already has a session (a test, a notebook) keeps it; one we start, we stop.
      boolean ownSession = SparkSession.getActiveSession().isEmpty();
      SparkSession spark = SparkSessions.create(config);
      try {
        progress.line("Spark %s on %s started in %s", spark.version(), spark.sparkContext().master(), Progress.elapsed(sparkStarted));
        WarehouseFiles files = new WarehouseFiles(layout.root(), spark.sparkContext().hadoopConfiguration());
        NightServices services = new NightServices(spark, layout, files, policy, catalogue, rules, config, progress);
        String ledgerUri = ledger.toAbsolutePath().normalize().toUri().toString();
        try (NightlyRunner runner =
            new NightlyRunner(services, JobRepositoryDatabase.open(config, JobRepositoryDatabase.defaultUrl(layout.jobRepository().toUri().getPath())))) {
          for (LocalDate night = from; !night.isAfter(to); night = night.plusDays(1)) {
            NightlyRunner.Outcome outcome = runner.run(night, ledgerUri, emptyDay);
            print(outcome, layout, out);
          }
        }
      } finally {
        if (ownSession) {
          spark.stop();
        }
      }
    }
  }

  private static void print(NightlyRunner.Outcome outcome, WarehouseLayout layout, PrintStream out) {
    NightSummary summary = outcome.summary();
    if (summary != null) {
      summary.lines().forEach(out::println);
    }
    if (!outcome.stepTimes().isEmpty()) {
      out.println("  time per step: " + String.join(", ", outcome.stepTimes()));
    }
    if (outcome.ran()) {
      List<String> published = PublishedTables.names().stream()
          .filter(table -> Files.isDirectory(Path.of(layout.published(table, outcome.night()).toUri().getPath())))
          .toList();
      out.println("  published: " + layout.root() + "/{" + String.join(",", published) + "}/dt=" + outcome.night());
    }
  }
}
