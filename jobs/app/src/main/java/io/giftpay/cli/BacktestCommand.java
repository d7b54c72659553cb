package io.giftpay.cli;

import io.giftpay.config.GiftpayConfig;
import io.giftpay.detection.EvaluateRules;
import io.giftpay.detection.RuleFiles;
import io.giftpay.rules.DetectionRule;
import io.giftpay.spark.SparkSessions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code giftpay backtest}: runs a rule set over past nights' kept feature views, without touching
 * anything published, and reports per rule what it would have done.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    header = "try a rule set over past nights' kept feature views (publishes nothing)",
    description = {
      "Runs the rules of DIR (one YAML file per rule, validated as the nightly job does) over the feature"
          + " views kept for nights D1..D2 (<warehouse>/_giftpay/features/), and prints per rule: accounts"
          + " hit; for a hold rule, the diamonds it would have held by D2, a hold staying open until a"
          + " reviewer decides (a sender hold: the sender's gifts over the policy's hold window before its"
          + " first hit night and every gift after it; a creator hold: the creator's available balance the"
          + " night before its first hit night and every diamond credited after it); and, when --ledger has"
          + " generator labels (_truth/labels.csv), precision and recall.",
      "",
      "Reads only; nothing published changes. This is how a rule is tried before it goes live. Each night"
          + " of D1..D2 must have been run on this warehouse with detection; the payout policy comes from"
          + " the settings (--config).",
    })
final class BacktestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--rules",
      paramLabel = "DIR",
      required = true,
      description = "the rule set to try (e.g. a copy of rules/detection with one change)")
  Path rulesDir;

  @ArgGroup(exclusive = false, multiplicity = "1")
  NightRange nights;

  @Mixin WarehouseOption warehouseOption;

  @Option(
      names = "--ledger",
      paramLabel = "DIR",
      description = "optional: a generated ledger whose labels score the rules")
  Path ledger;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() {
    PrintStream out = Giftpay.out(spec);
    nights.inOrder(spec);
    LocalDate from = nights.from;
    LocalDate to = nights.to;
    List<DetectionRule> rules = RuleFiles.load(rulesDir);
    Path warehouse = warehouseOption.root();
    Map<String, String> labelled =
        ledger != null ? labels(ledger.resolve("_truth/labels.csv")) : Map.of();
    Logs.useFile(warehouseOption.logFile());
    GiftpayConfig config = sparkOptions.config();
    boolean ownSession = SparkSession.getActiveSession().isEmpty();
    io.giftpay.payout.PayoutPolicy policy =
        io.giftpay.payout.PayoutPolicyFile.load(config.policyFile());
    SparkSession spark = SparkSessions.create(config);
    try {
      Map<String, Set<String>> hitByRule = new TreeMap<>();
      Map<String, List<BacktestHolds.Hit>> holdHits = new TreeMap<>();
      rules.forEach(
          r -> {
            hitByRule.put(r.source(), new TreeSet<>());
            holdHits.put(r.source(), new java.util.ArrayList<>());
          });
      Set<String> neededViews = new TreeSet<>();
      rules.forEach(r -> neededViews.add(r.view()));
      for (LocalDate night = from; !night.isAfter(to); night = night.plusDays(1)) {
        Map<String, Dataset<Row>> views = new TreeMap<>();
        for (String view : neededViews) {
          Path kept = warehouse.resolve("_giftpay/features/" + view + "/dt=" + night);
          if (!Files.isDirectory(kept)) {
            throw new IllegalArgumentException(
                "Invalid --from/--to: night "
                    + night
                    + " has no kept "
                    + view
                    + " in "
                    + warehouse
                    + " (was it run with detection?)");
          }
          views.put(view, spark.read().parquet(kept.toString()));
        }
        for (DetectionRule rule : rules) {
          List<Row> hits =
              new EvaluateRules.OneRule(rule, night)
                  .apply(views.get(rule.view()))
                  .select("account_id")
                  .collectAsList();
          for (Row hit : hits) {
            hitByRule.get(rule.source()).add(hit.getString(0));
            if (rule.action() == DetectionRule.Action.HOLD) {
              holdHits.get(rule.source()).add(new BacktestHolds.Hit(hit.getString(0), night));
            }
          }
        }
      }
      BacktestHolds holds =
          new BacktestHolds(spark, warehouse, policy.reversalHoldDays(), policy.diamondsPerCoin());
      Map<String, Long> heldByRule = new TreeMap<>();
      for (DetectionRule rule : rules) {
        List<BacktestHolds.Hit> hits = holdHits.get(rule.source());
        heldByRule.put(
            rule.source(),
            rule.action() != DetectionRule.Action.HOLD
                ? 0L
                : rule.scope() == DetectionRule.Scope.SENDER
                    ? holds.senderHolds(hits, to)
                    : holds.creatorHolds(hits, to));
      }
      print(rules, hitByRule, heldByRule, labelled, from, to, out);
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
    return Giftpay.OK;
  }

  private static void print(
      List<DetectionRule> rules,
      Map<String, Set<String>> hits,
      Map<String, Long> held,
      Map<String, String> labels,
      LocalDate from,
      LocalDate to,
      PrintStream out) {
    out.printf(
        "Backtest of %d rules over %s..%s (nothing published changes)%n", rules.size(), from, to);
    out.printf(
        "  %-36s %8s %14s %10s %10s%n", "rule", "accounts", "held diamonds", "precision", "recall");
    for (DetectionRule rule : rules) {
      Set<String> hit = hits.get(rule.source());
      String precision = "-";
      String recall = "-";
      if (!labels.isEmpty()) {
        long correct = hit.stream().filter(labels::containsKey).count();
        precision = hit.isEmpty() ? "-" : String.format("%.1f%%", 100.0 * correct / hit.size());
        recall = String.format("%.1f%%", 100.0 * correct / labels.size());
      }
      out.printf(
          "  %-36s %8d %14d %10s %10s%n",
          rule.source(), hit.size(), held.get(rule.source()), precision, recall);
    }
    if (!labels.isEmpty()) {
      Set<String> all = new TreeSet<>();
      hits.values().forEach(all::addAll);
      long correct = all.stream().filter(labels::containsKey).count();
      out.printf(
          "  all rules: %d accounts, precision %.1f%%, recall %.1f%% of %d labelled accounts%n",
          all.size(),
          all.isEmpty() ? 0.0 : 100.0 * correct / all.size(),
          100.0 * correct / labels.size(),
          labels.size());
    }
  }

  private static Map<String, String> labels(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("Invalid --ledger: no " + file);
    }
    Map<String, String> labels = new TreeMap<>();
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 1; i < lines.size(); i++) {
        String[] f = lines.get(i).split(",", -1);
        if (f.length >= 3 && !f[0].isBlank()) {
          labels.putIfAbsent(f[0].trim(), f[2].trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    return labels;
  }
}
