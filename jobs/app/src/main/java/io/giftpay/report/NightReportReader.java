package io.giftpay.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.giftpay.payout.PayoutPolicy;
import io.giftpay.report.NightReport.Amount;
import io.giftpay.report.NightReport.Count;
import io.giftpay.review.CaseSummary;
import io.giftpay.warehouse.WarehouseFiles;
import io.giftpay.warehouse.WarehouseLayout;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads night D's published tables into a {@link NightReport}. Every table is one Spark read and
 * one small group-by collected to the driver (six jobs in all): creator_balances and payouts over
 * the 30 nights up to D (only the partitions that exist, in one read each), the rest for D alone. A
 * table or partition that is not there (reviews and creator_income before they are published) reads
 * as empty.
 */
public final class NightReportReader {
  static final String REVIEWS = "reviews";
  static final String CREATOR_INCOME = "creator_income";
  static final int TREND_NIGHTS = 30;
  private static final List<String> BAND_ORDER = List.of("low", "medium", "high");

  private final SparkSession spark;
  private final WarehouseLayout layout;
  private final WarehouseFiles files;
  private final PayoutPolicy policy;

  public NightReportReader(
      SparkSession spark, WarehouseLayout layout, WarehouseFiles files, PayoutPolicy policy) {
    this.spark = spark;
    this.layout = layout;
    this.files = files;
    this.policy = policy;
  }

  /** The report of night D, with the review cases the caller computed for it. */
  public NightReport read(LocalDate night, List<CaseSummary> cases) {
    BigDecimal value = policy.diamondValueUsd();
    Map<LocalDate, Row> balancesByNight = balancesByNight(night);
    Map<LocalDate, List<NightReport.CurrencyPayouts>> payoutsByNight = payoutsByNight(night);
    Reviews reviews = reviews(night);

    Row tonight = balancesByNight.get(night);
    NightReport.Books books =
        new NightReport.Books(
            Amount.of(longAt(tonight, "credited"), value),
            Amount.of(longAt(tonight, "paid"), value),
            Amount.of(longAt(tonight, "pending"), value),
            Amount.of(longAt(tonight, "held"), value),
            Amount.of(reviews.released(), value),
            Amount.of(reviews.forfeited(), value),
            Amount.of(longAt(tonight, "carried"), value),
            longAt(tonight, "negative_creators"),
            Amount.of(longAt(tonight, "negative"), value));

    Flags flags = flags(night);
    return new NightReport(
        night,
        policy.version(),
        value,
        books,
        payoutsByNight.getOrDefault(night, List.of()),
        quarantine(night),
        flags.bySource(),
        flags.modelFlags(),
        ScoreBins.of(flags.scoreBins()),
        reviews.byDecision(),
        trend(balancesByNight, payoutsByNight),
        ReviewBacklog.biggestOpen(cases, NightReportHtml.BIGGEST_CASES),
        ReviewBacklog.byAge(cases),
        dependencyBands(night));
  }

  /** creator_balances of the trend window: per night, the books' sums (one job). */
  private Map<LocalDate, Row> balancesByNight(LocalDate night) {
    Map<LocalDate, Row> result = new HashMap<>();
    window(WarehouseLayout.CREATOR_BALANCES, night)
        .ifPresent(
            rows -> {
              Column available = col("available_diamonds");
              rows.groupBy(col("business_date"))
                  .agg(
                      sumOrZero(col("credited_today_diamonds")).as("credited"),
                      sumOrZero(col("paid_today_diamonds")).as("paid"),
                      sumOrZero(
                              Arrays.asList(rows.columns()).contains("pending_diamonds")
                                  ? col("pending_diamonds")
                                  : lit(0L))
                          .as("pending"),
                      sumOrZero(col("held_diamonds")).as("held"),
                      sumOrZero(when(available.gt(0), available).otherwise(0L)).as("carried"),
                      count(when(available.lt(0), lit(1))).as("negative_creators"),
                      sumOrZero(when(available.lt(0), available).otherwise(0L)).as("negative"))
                  .collectAsList()
                  .forEach(row -> result.put(date(row.getAs("business_date")), row));
            });
    return result;
  }

  /** payouts of the trend window: per night and currency, count, amount and USD (one job). */
  private Map<LocalDate, List<NightReport.CurrencyPayouts>> payoutsByNight(LocalDate night) {
    Map<LocalDate, List<NightReport.CurrencyPayouts>> result = new HashMap<>();
    window(WarehouseLayout.PAYOUTS, night)
        .ifPresent(
            rows ->
                rows.groupBy(col("business_date"), col("currency"))
                    .agg(
                        count(lit(1)).as("payouts"),
                        sum(col("amount")).as("amount"),
                        sum(col("amount_usd")).as("amount_usd"))
                    .collectAsList()
                    .forEach(
                        row ->
                            result
                                .computeIfAbsent(
                                    date(row.getAs("business_date")), d -> new ArrayList<>())
                                .add(
                                    new NightReport.CurrencyPayouts(
                                        row.getAs("currency"),
                                        row.<Long>getAs("payouts"),
                                        row.getAs("amount"),
                                        row.getAs("amount_usd")))));
    result
        .values()
        .forEach(
            list ->
                list.sort(
                    Comparator.comparing(NightReport.CurrencyPayouts::amountUsd)
                        .reversed()
                        .thenComparing(NightReport.CurrencyPayouts::currency)));
    return result;
  }

  private List<NightReport.TrendPoint> trend(
      Map<LocalDate, Row> balances, Map<LocalDate, List<NightReport.CurrencyPayouts>> payouts) {
    TreeMap<LocalDate, NightReport.TrendPoint> points = new TreeMap<>();
    java.util.Set<LocalDate> nights = new java.util.TreeSet<>(balances.keySet());
    nights.addAll(payouts.keySet());
    for (LocalDate d : nights) {
      BigDecimal paid =
          payouts.getOrDefault(d, List.of()).stream()
              .map(NightReport.CurrencyPayouts::amountUsd)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      points.put(
          d, new NightReport.TrendPoint(d, paid, policy.valueUsd(longAt(balances.get(d), "held"))));
    }
    return List.copyOf(points.values());
  }

  private List<Count> quarantine(LocalDate night) {
    return tonight(WarehouseLayout.QUARANTINE, night)
        .map(rows -> counts(rows.groupBy(col("reason")).agg(count(lit(1))).collectAsList()))
        .orElse(List.of());
  }

  private record Flags(List<Count> bySource, long modelFlags, Map<Integer, Long> scoreBins) {}

  /** Flags per source and, for the model's (the ones with a score), per score bin: one job. */
  private Flags flags(LocalDate night) {
    Optional<Dataset<Row>> flags = tonight(WarehouseLayout.FLAGS, night);
    if (flags.isEmpty()) {
      return new Flags(List.of(), 0, Map.of());
    }
    Map<String, Long> bySource = new HashMap<>();
    Map<Integer, Long> bins = new HashMap<>();
    long model = 0;
    for (Row row :
        flags
            .get()
            .groupBy(col("source"), floor(col("score").multiply(ScoreBins.PER_UNIT)).as("bin"))
            .agg(count(lit(1)).as("flags"))
            .collectAsList()) {
      long n = row.<Long>getAs("flags");
      bySource.merge(row.getAs("source"), n, Long::sum);
      if (!row.isNullAt(row.fieldIndex("bin"))) {
        model += n;
        bins.merge(((Number) row.getAs("bin")).intValue(), n, Long::sum);
      }
    }
    return new Flags(sorted(bySource), model, bins);
  }

  private record Reviews(long released, long forfeited, List<Count> byDecision) {}

  /**
   * Tonight's review decisions: diamonds released and forfeited, and decisions per kind (one job).
   */
  private Reviews reviews(LocalDate night) {
    Optional<Dataset<Row>> reviews = tonight(REVIEWS, night);
    if (reviews.isEmpty()) {
      return new Reviews(0, 0, List.of());
    }
    Dataset<Row> rows = reviews.get();
    List<String> columns = Arrays.asList(rows.columns());
    Column released =
        columns.contains("diamonds_released") ? sumOrZero(col("diamonds_released")) : lit(0L);
    Column forfeited =
        columns.contains("diamonds_forfeited") ? sumOrZero(col("diamonds_forfeited")) : lit(0L);
    long releasedTotal = 0;
    long forfeitedTotal = 0;
    Map<String, Long> byDecision = new HashMap<>();
    for (Row row :
        rows.groupBy(col("decision"))
            .agg(count(lit(1)).as("n"), released.as("released"), forfeited.as("forfeited"))
            .collectAsList()) {
      releasedTotal += ((Number) row.getAs("released")).longValue();
      forfeitedTotal += ((Number) row.getAs("forfeited")).longValue();
      byDecision.merge(
          String.valueOf((Object) row.getAs("decision")), row.<Long>getAs("n"), Long::sum);
    }
    return new Reviews(releasedTotal, forfeitedTotal, sorted(byDecision));
  }

  /** creator_income of D: creators and 30-night USD per band, low to high (one job). */
  private List<NightReport.Band> dependencyBands(LocalDate night) {
    return tonight(CREATOR_INCOME, night)
        .map(
            rows ->
                rows
                    .groupBy(col("band"))
                    .agg(count(lit(1)).as("creators"), sum(col("usd_30d")).as("usd_30d"))
                    .collectAsList()
                    .stream()
                    .map(
                        row ->
                            new NightReport.Band(
                                String.valueOf((Object) row.getAs("band")),
                                row.<Long>getAs("creators"),
                                row.isNullAt(row.fieldIndex("usd_30d"))
                                    ? BigDecimal.ZERO
                                    : row.<BigDecimal>getAs("usd_30d")))
                    .sorted(
                        Comparator.comparingInt((NightReport.Band b) -> bandRank(b.band()))
                            .thenComparing(NightReport.Band::band))
                    .toList())
        .orElse(List.of());
  }

  private static int bandRank(String band) {
    int rank = BAND_ORDER.indexOf(band);
    return rank < 0 ? BAND_ORDER.size() : rank;
  }

  /** The table's partition of night D, when it was published with a file in it. */
  private Optional<Dataset<Row>> tonight(String table, LocalDate night) {
    Path partition = layout.published(table, night);
    return hasParquet(partition)
        ? Optional.of(spark.read().parquet(partition.toString()))
        : Optional.empty();
  }

  /** The partitions of the 30 nights up to D that exist, as one read. */
  private Optional<Dataset<Row>> window(String table, LocalDate night) {
    List<String> paths = new ArrayList<>();
    for (LocalDate d = night.minusDays(TREND_NIGHTS - 1); !d.isAfter(night); d = d.plusDays(1)) {
      Path partition = layout.published(table, d);
      if (hasParquet(partition)) {
        paths.add(partition.toString());
      }
    }
    if (paths.isEmpty()) {
      return Optional.empty();
    }
    String base = new Path(layout.root(), table).toString();
    // mergeSchema: nights published before a column existed (pending_diamonds before policy v2)
    // read it as null
    return Optional.of(
        spark
            .read()
            .option("basePath", base)
            .option("mergeSchema", "true")
            .parquet(paths.toArray(String[]::new)));
  }

  private boolean hasParquet(Path partition) {
    return files.files(partition).stream().anyMatch(p -> p.getName().endsWith(".parquet"));
  }

  private static Column sumOrZero(Column column) {
    return coalesce(sum(column), lit(0L));
  }

  private static long longAt(Row row, String field) {
    return row == null || row.isNullAt(row.fieldIndex(field))
        ? 0
        : ((Number) row.getAs(field)).longValue();
  }

  /** Name-count rows as counts, most first, then by name. */
  private static List<Count> counts(List<Row> rows) {
    Map<String, Long> counts = new HashMap<>();
    rows.forEach(
        row -> counts.merge(String.valueOf((Object) row.get(0)), row.getLong(1), Long::sum));
    return sorted(counts);
  }

  private static List<Count> sorted(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .map(e -> new Count(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::name))
        .toList();
  }

  private static LocalDate date(Object value) {
    return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
  }
}
