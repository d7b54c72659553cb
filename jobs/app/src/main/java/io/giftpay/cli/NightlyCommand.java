package io.giftpay.cli;

import io.giftpay.batch.JobRepositoryDatabase;
import io.giftpay.batch.NightServices;
import io.giftpay.batch.NightlyRunner;
import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.config.GiftpayConfig;
import io.giftpay.detection.RuleFiles;
import io.giftpay.night.NightSummary;
import io.giftpay.night.Progress;
import io.giftpay.payout.PayoutPolicy;
import io.giftpay.payout.PayoutPolicyFile;
import io.giftpay.rules.DetectionRule;
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
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code giftpay nightly}: runs one night, or several in order, of the payout pipeline. */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    header = "run the night for a business date (or a range of dates) on a ledger",
    description = {
      "Runs the night for business date D (YYYY-MM-DD): reads the ledger's event partitions dt=D and its"
          + " snapshots as of D, quarantines rows that break the contract, credits creators, flags risky"
          + " accounts (rules/detection/ and an anomaly model) and holds their money, pays the rest under"
          + " the payout policy, checks the books, and publishes payouts, creator_balances, flags, holds,"
          + " quarantine and night_counts under <warehouse>/<table>/dt=D/. With --from/--to, runs each night"
          + " in order and stops at the first that fails (at most "
          + NightlyCommand.MAX_NIGHTS
          + " nights after --from).",
      "",
      "A completed night is never run twice (running it again prints so and changes nothing). A night"
          + " that failed or was killed resumes at the step it did not finish. Nights run in order: D needs"
          + " D-1 completed, except on a new warehouse.",
    },
    footer = {"", "The log is <warehouse>/_giftpay/logs/giftpay.log."})
final class NightlyCommand implements Callable<Integer> {
  static final int MAX_NIGHTS = 3660;

  /** Exactly one of {@code --date D} and {@code --from D1 --to D2}. */
  static final class Nights {
    @Option(
        names = "--date",
        paramLabel = "D",
        required = true,
        description = "the business date to run, YYYY-MM-DD")
    LocalDate date;

    @ArgGroup(exclusive = false, multiplicity = "1")
    NightRange range;
  }

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Nights nights;

  @Mixin LedgerOption ledger;

  @Mixin WarehouseOption warehouse;

  @Mixin SparkOptions spark;

  @Option(
      names = "--empty-day",
      description =
          "a missing event partition means the day had no events (without it, a missing partition"
              + " stops the night)")
  boolean emptyDay;

  @Override
  public Integer call() {
    LocalDate from;
    LocalDate to;
    if (nights.date != null) {
      from = to = nights.date;
    } else {
      nights.range.inOrder(spec).atMost(spec, MAX_NIGHTS);
      from = nights.range.from;
      to = nights.range.to;
    }
    runNights(spark.config(), ledger.dir, warehouse.dir, from, to, emptyDay, Giftpay.out(spec));
    return Giftpay.OK;
  }

  /** Loads and checks the rules, starts Spark once, and runs each night in order. */
  static void runNights(
      GiftpayConfig config,
      Path ledger,
      Path warehouse,
      LocalDate from,
      LocalDate to,
      boolean emptyDay,
      PrintStream out) {
    if (!Files.isDirectory(ledger)) {
      throw new IllegalArgumentException("Invalid --ledger: " + ledger + " (no such folder)");
    }
    Path warehouseRoot = warehouse.toAbsolutePath().normalize();
    Logs.useFile(warehouseRoot.resolve("_giftpay/logs/giftpay.log"));
    // Rules first: a broken policy or catalogue stops the run before Spark starts or anything is
    // read.
    PayoutPolicy policy = PayoutPolicyFile.load(config.policyFile());
    GiftCatalogue catalogue = GiftCatalogue.load(config.catalogueFile());
    List<DetectionRule> rules = RuleFiles.load(config.detectionRulesDir());

    WarehouseLayout layout =
        new WarehouseLayout(new org.apache.hadoop.fs.Path(warehouseRoot.toString()));
    out.printf(
        "giftpay nightly %s%s: ledger %s, warehouse %s%n",
        from, from.equals(to) ? "" : ".." + to, ledger.toAbsolutePath().normalize(), warehouseRoot);
    try (WarehouseLock lock = WarehouseLock.acquire(layout);
        Progress progress = new Progress(out)) {
      long sparkStarted = System.nanoTime();
      // A caller that already has a session (a test, a notebook) keeps it; one we start, we stop.
      boolean ownSession = SparkSession.getActiveSession().isEmpty();
      SparkSession spark = SparkSessions.create(config);
      try {
        progress.line(
            "Spark %s on %s started in %s",
            spark.version(), spark.sparkContext().master(), Progress.elapsed(sparkStarted));
        WarehouseFiles files =
            new WarehouseFiles(layout.root(), spark.sparkContext().hadoopConfiguration());
        NightServices services =
            new NightServices(spark, layout, files, policy, catalogue, rules, config, progress);
        String ledgerUri = ledger.toAbsolutePath().normalize().toUri().toString();
        try (JobRepositoryDatabase jobRepository =
                JobRepositoryDatabase.open(
                    config,
                    JobRepositoryDatabase.defaultUrl(layout.jobRepository().toUri().getPath()));
            NightlyRunner runner = new NightlyRunner(services, jobRepository.dataSource())) {
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

  private static void print(
      NightlyRunner.Outcome outcome, WarehouseLayout layout, PrintStream out) {
    NightSummary summary = outcome.summary();
    if (summary != null) {
      summary.lines().forEach(out::println);
    }
    if (!outcome.stepTimes().isEmpty()) {
      out.println("  time per step: " + String.join(", ", outcome.stepTimes()));
    }
    if (outcome.sparkWork() != null) {
      out.println("  spark work: " + outcome.sparkWork());
    }
    if (outcome.ran()) {
      List<String> published =
          PublishedTables.names().stream()
              .filter(
                  table ->
                      Files.isDirectory(
                          Path.of(layout.published(table, outcome.night()).toUri().getPath())))
              .toList();
      out.println(
          "  published: "
              + layout.root()
              + "/{"
              + String.join(",", published)
              + "}/dt="
              + outcome.night());
    }
  }
}
