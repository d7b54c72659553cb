package io.giftpay.cli;

import static org.apache.spark.sql.functions.col;

import io.giftpay.config.GiftpayConfig;
import io.giftpay.evaluation.DetectionScore;
import io.giftpay.spark.SparkSessions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code giftpay evaluate}: detection against the generator's truth. Reads {@code
 * <ledger>/_truth/labels.csv} and the warehouse's published flags and payouts.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    header = "score the flags of a warehouse against a generated ledger's labels",
    description = {
      "Compares every night's flags in the warehouse with the labelled patterns of a generated ledger"
          + " (<ledger>/_truth/labels.csv: account_id, role, pattern) and prints recall per pattern,"
          + " precision (flagged accounts that are in a pattern), review load (flagged accounts as a share"
          + " of active senders), the accounts flagged wrongly, and the USD paid to creators labelled in a"
          + " pattern (it should be 0.00): all of it, what was paid on or after the night an account"
          + " of the creator's own pattern first gifted it (before that night the creator's income"
          + " is its own), and what was paid on or after the creator's first flag.",
      "",
      "Then, per source (a rule, or the model): accounts flagged, how many are in a pattern, how many of"
          + " those no other source flagged, and the accounts in no pattern it flagged, by look-alike kind"
          + " (<ledger>/_truth/lookalikes.csv). Reads only; nothing published changes.",
    })
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--ledger",
      paramLabel = "DIR",
      required = true,
      description = "the generated ledger (with _truth/)")
  Path ledger;

  @Mixin WarehouseOption warehouseOption;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() {
    PrintStream out = Giftpay.out(spec);
    Path labelsFile = ledger.resolve("_truth/labels.csv");
    Path warehouse = warehouseOption.root();
    if (!Files.isRegularFile(labelsFile)) {
      throw new IllegalArgumentException(
          "Invalid --ledger: no " + labelsFile + " (evaluate needs a generated ledger's truth)");
    }
    if (!Files.isDirectory(warehouse.resolve("flags"))) {
      throw new IllegalArgumentException(
          "Invalid --warehouse: " + warehouse + " has no published flags");
    }
    Logs.useFile(warehouseOption.logFile());
    GiftpayConfig config = sparkOptions.config();
    Map<String, Set<String>> labels = new TreeMap<>();
    Set<String> labelledCreators = new TreeSet<>();
    readLabels(labelsFile, labels, labelledCreators);

    boolean ownSession = SparkSession.getActiveSession().isEmpty();
    SparkSession spark = SparkSessions.create(config);
    try {
      Set<String> flagged = new TreeSet<>();
      spark
          .read()
          .parquet(warehouse.resolve("flags").toString())
          .select("account_id")
          .distinct()
          .collectAsList()
          .forEach(r -> flagged.add(r.getString(0)));
      Path senderDays = warehouse.resolve("_giftpay/daily/sender_day");
      int active =
          Files.isDirectory(senderDays)
              ? (int)
                  spark.read().parquet(senderDays.toString()).select("sender_id").distinct().count()
              : 0;
      DetectionScore score = DetectionScore.of(labels, flagged, active);
      BigDecimal paidToFraud = BigDecimal.ZERO;
      BigDecimal paidAfterFlag = BigDecimal.ZERO;
      BigDecimal paidSincePatternBegan = BigDecimal.ZERO;
      if (Files.isDirectory(warehouse.resolve("payouts")) && !labelledCreators.isEmpty()) {
        Dataset<Row> payouts =
            spark
                .read()
                .parquet(warehouse.resolve("payouts").toString())
                .filter(col("creator_id").isin(labelledCreators.toArray()));
        paidToFraud = total(payouts);
        Dataset<Row> firstFlag =
            spark
                .read()
                .parquet(warehouse.resolve("flags").toString())
                .groupBy(col("account_id"))
                .agg(org.apache.spark.sql.functions.min("business_date").as("first_flag"));
        paidAfterFlag =
            total(
                payouts
                    .join(firstFlag, payouts.col("creator_id").equalTo(firstFlag.col("account_id")))
                    .filter(col("business_date").geq(col("first_flag"))));
        paidSincePatternBegan =
            total(
                payouts
                    .join(
                        patternStart(spark, warehouse, labels),
                        payouts.col("creator_id").equalTo(col("_creator")),
                        "left")
                    .filter(
                        col("_pattern_start")
                            .isNull()
                            .or(col("business_date").geq(col("_pattern_start")))));
      }
      print(score, labels, flagged, paidToFraud, paidSincePatternBegan, paidAfterFlag, out);
      printBySource(
          spark, warehouse, labels, readLookalikes(ledger.resolve("_truth/lookalikes.csv")), out);
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
    return Giftpay.OK;
  }

  /**
   * Per source (a rule, or the model whatever its nightly version): accounts flagged, how many are
   * in a pattern, how many of those no other source flagged, and which look-alikes it flagged
   * wrongly. This is where to tune a rule.
   */
  private static void printBySource(
      SparkSession spark,
      Path warehouse,
      Map<String, Set<String>> labels,
      Map<String, String> lookalikeKind,
      PrintStream out) {
    Map<String, Set<String>> accountsBySource = new TreeMap<>();
    Map<String, Set<String>> sourcesByAccount = new TreeMap<>();
    spark
        .read()
        .parquet(warehouse.resolve("flags").toString())
        .select(
            org.apache.spark.sql.functions.substring_index(col("source"), "@", 1),
            col("account_id"))
        .distinct()
        .collectAsList()
        .forEach(
            r -> {
              accountsBySource
                  .computeIfAbsent(r.getString(0), k -> new TreeSet<>())
                  .add(r.getString(1));
              sourcesByAccount
                  .computeIfAbsent(r.getString(1), k -> new TreeSet<>())
                  .add(r.getString(0));
            });
    out.println(
        "By source: flagged, in a pattern, in a pattern and flagged by nothing else, in no pattern (by look-alike kind):");
    accountsBySource.forEach(
        (source, accounts) -> {
          long hits = accounts.stream().filter(labels::containsKey).count();
          long onlyThis =
              accounts.stream()
                  .filter(a -> labels.containsKey(a) && sourcesByAccount.get(a).size() == 1)
                  .count();
          Map<String, Integer> wrong = new TreeMap<>();
          accounts.stream()
              .filter(a -> !labels.containsKey(a))
              .forEach(
                  a -> wrong.merge(lookalikeKind.getOrDefault(a, "ordinary"), 1, Integer::sum));
          out.printf(
              "  %-28s %5d %5d %5d %5d  %s%n",
              source,
              accounts.size(),
              hits,
              onlyThis,
              accounts.size() - hits,
              String.join(
                  ", ",
                  wrong.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
        });
  }

  private static Map<String, String> readLookalikes(Path file) {
    Map<String, String> kinds = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return kinds;
    }
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 1; i < lines.size(); i++) {
        String[] fields = lines.get(i).split(",", -1);
        if (fields.length >= 3 && !fields[0].isBlank()) {
          kinds.merge(fields[0].trim(), fields[2].trim(), (a, b) -> a.equals(b) ? a : a + "+" + b);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    return kinds;
  }

  /**
   * Per labelled creator, the first night an account of its own pattern gifted it (from the kept
   * sender-creator summary): before that night the creator was an ordinary one, and what it earned
   * then is its own (the generator also plants patterns in established creators). Columns _creator,
   * _pattern_start. A creator no pattern account ever gifted has no row: all its payouts count.
   */
  private static Dataset<Row> patternStart(
      SparkSession spark, Path warehouse, Map<String, Set<String>> labels) {
    List<Row> accountPatterns = new ArrayList<>();
    labels.forEach(
        (account, patternRoles) ->
            patternRoles.forEach(
                label -> {
                  String pattern = label.substring(0, label.indexOf(" ("));
                  boolean creator = label.endsWith("(creator)");
                  accountPatterns.add(RowFactory.create(account, pattern, creator));
                }));
    StructType schema =
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("pattern", DataTypes.StringType)
            .add("as_creator", DataTypes.BooleanType);
    Dataset<Row> labelled = spark.createDataFrame(accountPatterns, schema);
    Path pairs = warehouse.resolve("_giftpay/daily/sender_creator");
    StructType pairSchema =
        new StructType()
            .add("sender_id", DataTypes.StringType)
            .add("creator_id", DataTypes.StringType)
            .add("dt", DataTypes.DateType);
    Dataset<Row> gifts =
        Files.isDirectory(pairs)
            ? spark.read().parquet(pairs.toString()).select("sender_id", "creator_id", "dt")
            : spark.createDataFrame(List.of(), pairSchema);
    Dataset<Row> senders =
        labelled.select(col("account_id").as("_sender"), col("pattern").as("_sender_pattern"));
    Dataset<Row> creators =
        labelled
            .filter(col("as_creator"))
            .select(col("account_id").as("_creator"), col("pattern").as("_creator_pattern"));
    return gifts
        .join(senders, gifts.col("sender_id").equalTo(senders.col("_sender")))
        .join(
            creators,
            gifts
                .col("creator_id")
                .equalTo(creators.col("_creator"))
                .and(col("_sender_pattern").equalTo(col("_creator_pattern"))))
        .groupBy("_creator")
        .agg(org.apache.spark.sql.functions.min("dt").as("_pattern_start"));
  }

  private static BigDecimal total(Dataset<Row> payouts) {
    Row sum = payouts.agg(org.apache.spark.sql.functions.sum("amount_usd")).first();
    return sum.isNullAt(0) ? BigDecimal.ZERO : sum.getDecimal(0);
  }

  private static void readLabels(Path file, Map<String, Set<String>> labels, Set<String> creators) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 1; i < lines.size(); i++) {
        String[] fields = lines.get(i).split(",", -1);
        if (fields.length < 3 || fields[0].isBlank()) {
          continue;
        }
        // pattern and role: a pattern's senders and its receiving creators are scored apart
        labels
            .computeIfAbsent(fields[0].trim(), k -> new TreeSet<>())
            .add(fields[2].trim() + " (" + fields[1].trim() + ")");
        if (fields[1].trim().equals("creator")) {
          creators.add(fields[0].trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** The labels of the care patterns: the viewer is protected, not suspected. */
  static boolean isCare(String label) {
    return label.startsWith("overspending") || label.startsWith("underage");
  }

  private static void print(
      DetectionScore score,
      Map<String, Set<String>> labels,
      Set<String> flagged,
      BigDecimal paidToFraud,
      BigDecimal paidSincePatternBegan,
      BigDecimal paidAfterFlag,
      PrintStream out) {
    out.println("Recall per pattern and role (labelled accounts flagged at least once):");
    score
        .recallByPattern()
        .forEach(
            (pattern, recall) ->
                out.printf(
                    "  %-28s %4d / %-4d %6.1f%%%n",
                    pattern, recall.flagged(), recall.labelled(), 100 * recall.rate()));
    out.printf(
        "Overall recall:  %.1f%% of %d labelled accounts%n",
        100 * score.overallRecall(labels, flagged), labels.size());
    out.printf(
        "Fraud recall:    %.1f%% (every pattern but overspending and minors)%n",
        100 * DetectionScore.recallOf(labels, flagged, label -> !isCare(label)));
    out.printf(
        "Care recall:     %.1f%% (overspending and minors)%n",
        100 * DetectionScore.recallOf(labels, flagged, EvaluateCommand::isCare));
    out.printf(
        "Precision:       %.1f%% (%d of %d flagged accounts are in a pattern)%n",
        100 * score.precision(), score.flaggedLabelled(), score.flagged());
    out.printf(
        "Review load:     %.2f%% (%d flagged of %d active senders)%n",
        100 * score.reviewLoad(), score.flagged(), score.activeSenders());
    out.printf(
        "Paid to creators in a fraud pattern: USD %s, of which on or after the creator's first flag: USD %s%n",
        paidToFraud.setScale(2), paidAfterFlag.setScale(2));
    out.printf(
        "  paid on or after the night its pattern first gifted it: USD %s; before (its own earlier"
            + " income): USD %s%n",
        paidSincePatternBegan.setScale(2), paidToFraud.subtract(paidSincePatternBegan).setScale(2));
    if (!score.falsePositives().isEmpty()) {
      out.println(
          "Flagged but in no pattern: "
              + String.join(", ", score.falsePositives().stream().limit(30).toList())
              + (score.falsePositives().size() > 30 ? ", ..." : ""));
    }
  }
}
