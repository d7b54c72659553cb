package io.giftpay.night;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sort_array;

import io.giftpay.config.GiftpayConfig;
import io.giftpay.detection.EvaluateRules;
import io.giftpay.detection.PlanPairHolds;
import io.giftpay.features.AccountLinks;
import io.giftpay.features.CardFeatures;
import io.giftpay.features.CreatorFeatures;
import io.giftpay.features.DailySummaries;
import io.giftpay.features.DeviceFeatures;
import io.giftpay.features.FeatureInputs;
import io.giftpay.features.FeatureViews;
import io.giftpay.features.SenderFeatures;
import io.giftpay.ledger.LedgerTable;
import io.giftpay.review.SuppressClearedFlags;
import io.giftpay.warehouse.PublishedTables;
import io.giftpay.warehouse.WarehouseLayout;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Step 3: computes tonight's feature views, runs the detection rules over them, stages the
 * {@code flags} table, and decides which diamonds to hold (points 8 and 9 of the policy) for the
 * pay step to withhold. Keeps tonight's daily summaries and feature views for later nights and
 * for backtests.
 */
public final class DetectNight {
  public static final String STEP = "detect";
  static final String AREA_DAILY = "daily";
  static final String AREA_FEATURES = "features";
  static final String PAIR_HOLDS = "pair_holds";
  static final String CREATOR_HOLDS = "creator_holds";
  /** Holds placed by rules and still open (no decision yet): role, account_id, source, since. */
  static final String OPEN_HOLDS = "open_holds";
  static final StructType OPEN_HOLDS_SCHEMA = StructType.fromDDL("role string, account_id string, source string, since date");
  private static final int WINDOW_NIGHTS = 30;
  private static final int WEEK_NIGHTS = 6;

  private final NightContext context;
  private final StagedWriter writer;

  public DetectNight(NightContext context) {
    this.context = context;
    this.writer = new StagedWriter(context.spark(), context.files());
  }

  public void run() {
    LocalDate night = context.night();
    FeatureInputs base = inputs();
    // Tonight's summaries are written once and read back, so no view recomputes them from the events.
    Map<String, Dataset<Row>> tonight = new LinkedHashMap<>();
    for (Map.Entry<String, Dataset<Row>> daily : DailySummaries.of(base).entrySet()) {
      tonight.put(daily.getKey(), writer.work(daily.getValue(), context.warehouse().stagedKept(night, AREA_DAILY, daily.getKey())));
    }
    FeatureInputs in = base.withTonight(tonight);
    Dataset<Row> links = writer.work(new AccountLinks(in).apply(in.gifts()), work("account_links"));
    Dataset<Row> senders = writer.work(new SenderFeatures(in, links).apply(in.gifts()),
        context.warehouse().stagedKept(night, AREA_FEATURES, FeatureViews.SENDER));
    Dataset<Row> creators = writer.work(new CreatorFeatures(in, senders, links).apply(in.gifts()),
        context.warehouse().stagedKept(night, AREA_FEATURES, FeatureViews.CREATOR));

    Dataset<Row> cards = writer.work(new CardFeatures(in).apply(in.recharges()),
        context.warehouse().stagedKept(night, AREA_FEATURES, FeatureViews.CARD));
    Dataset<Row> devices = writer.work(new DeviceFeatures(in).apply(in.gifts()),
        context.warehouse().stagedKept(night, AREA_FEATURES, FeatureViews.DEVICE));

    Map<String, Dataset<Row>> views = Map.of(FeatureViews.SENDER, senders, FeatureViews.CREATOR, creators,
        FeatureViews.CARD, cards, FeatureViews.DEVICE, devices);
    Dataset<Row> flags = new EvaluateRules(context.rules(), night)
        .apply(views, context.spark().createDataFrame(List.of(), FlagsSchema.SCHEMA));
    if (context.config().getBoolean(GiftpayConfig.MODEL_ENABLED, GiftpayConfig.MODEL_ENABLED_DEFAULT)) {
      flags = flags.unionByName(new NightlyModel(context).scoreSenders(senders));
    }
    // Reviewers' decisions: frozen once a night; a cleared case's rules stay quiet on its account.
    ReviewNight review = new ReviewNight(context);
    List<ReviewNight.Applied> decided = review.freeze();
    Dataset<Row> suppressions = writer.work(review.suppressions(decided), review.stagedKept(ReviewNight.SUPPRESSIONS));
    flags = new SuppressClearedFlags(suppressions,
        context.config().getDouble(GiftpayConfig.REVIEW_EVIDENCE_GROWTH, GiftpayConfig.REVIEW_EVIDENCE_GROWTH_DEFAULT)).apply(flags);
    Path flagsDir = context.warehouse().stagedTable(night, WarehouseLayout.FLAGS);
    writer.table(flags, PublishedTables.FLAGS, flagsDir);
    flags = writer.read(flagsDir);

    // A hold stays open until a reviewer decides: tonight's hold flags join the holds still open
    // from last night, so a held sender's new gifts and a held creator's new diamonds stop too.
    Dataset<Row> placedTonight = flags.filter(col("action").equalTo("hold"))
        .select(col("role"), col("account_id"), col("source"), lit(night).as("since"));
    // A decision ends the holds its case had; a confirmed account is held from now on, whatever it sends or receives.
    Dataset<Row> carriedHolds = previousOpenHolds()
        .join(review.decidedAccounts(decided), new String[] {"role", "account_id"}, "left_anti")
        .unionByName(review.confirmedHolds(decided));
    Dataset<Row> openHolds = writer.work(
        carriedHolds.unionByName(placedTonight).groupBy("role", "account_id", "source").agg(min("since").as("since")),
        context.warehouse().stagedKept(night, AREA_DAILY, OPEN_HOLDS));
    Dataset<Row> reversing = in.reversals().select(col("user_id").as("sender_id"), lit("reversal").as("source"));
    Dataset<Row> holdRuleSenders = openHolds.filter(col("role").equalTo("sender"))
        .select(col("account_id").as("sender_id"), col("source"));
    Dataset<Row> sendersToHold = holdRuleSenders.union(reversing).groupBy("sender_id")
        .agg(array_join(sort_array(collect_set(col("source"))), ",").as("source"));
    Dataset<Row> windowGifts = in.tonight().get(DailySummaries.SENDER_CREATOR)
        .union(prior(DailySummaries.SENDER_CREATOR, context.policy().reversalHoldDays()).select("sender_id", "creator_id", "coins"));
    Dataset<Row> pairHolds = writer.work(
        new PlanPairHolds(sendersToHold, heldBefore(context.policy().reversalHoldDays()), context.policy().diamondsPerCoin()).apply(windowGifts),
        work(PAIR_HOLDS));
    Dataset<Row> creatorHolds = writer.work(
        openHolds.filter(col("role").equalTo("creator"))
            .groupBy(col("account_id").as("creator_id")).agg(array_join(sort_array(collect_set(col("source"))), ",").as("source")),
        work(CREATOR_HOLDS));

    context.progress().line("[%s] %,d senders, %,d creators, %,d card uses and %,d device uses profiled; %,d flags from %d rules; %,d sender-creator holds, %,d creators on hold",
        STEP, senders.count(), creators.count(), cards.count(), devices.count(), flags.count(), context.rules().size(), pairHolds.count(), creatorHolds.count());
  }

  private FeatureInputs inputs() {
    KeptSnapshots snapshots = new KeptSnapshots(context);
    return new FeatureInputs(
        context.night(),
        context.policy().diamondsPerCoin(),
        events(LedgerTable.GIFTS),
        events(LedgerTable.RECHARGES),
        events(LedgerTable.REVERSALS),
        events(LedgerTable.REWARDS),
        writer.read(snapshots.used(LedgerTable.ACCOUNTS)),
        writer.read(snapshots.used(LedgerTable.FX_RATES)),
        name -> prior(name, WINDOW_NIGHTS),
        name -> prior(name, WEEK_NIGHTS),
        Map.of(),
        context.identifierKey());
  }

  private Dataset<Row> events(LedgerTable table) {
    return AcceptedEvents.staged(context.spark(), context.files(),
        context.warehouse().stagedEvents(context.night(), table.tableName()), table);
  }

  /** A daily summary over the completed nights among the {@code nights} before D. */
  private Dataset<Row> prior(String summary, int nights) {
    List<String> paths = new ArrayList<>();
    for (LocalDate night : new NightRecords(context.warehouse(), context.files()).completed()) {
      if (night.isBefore(context.night()) && !night.isBefore(context.night().minusDays(nights))) {
        Path kept = context.warehouse().kept(AREA_DAILY, summary, night);
        if (context.files().exists(kept)) {
          paths.add(kept.toString());
        }
      }
    }
    StructType schema = DailySummaries.SCHEMAS.get(summary);
    if (paths.isEmpty()) {
      return context.spark().createDataFrame(List.of(), schema);
    }
    return context.spark().read().schema(schema).parquet(paths.toArray(String[]::new));
  }

  /** The holds still open after the night before D (none on a warehouse's first night). */
  private Dataset<Row> previousOpenHolds() {
    LocalDate previous = context.night().minusDays(1);
    Path kept = context.warehouse().kept(AREA_DAILY, OPEN_HOLDS, previous);
    if (!new NightRecords(context.warehouse(), context.files()).completed().contains(previous) || !context.files().exists(kept)) {
      return context.spark().createDataFrame(List.of(), OPEN_HOLDS_SCHEMA);
    }
    return context.spark().read().schema(OPEN_HOLDS_SCHEMA).parquet(kept.toString());
  }

  /** Diamonds already held per sender and creator by the published holds of the window. */
  private Dataset<Row> heldBefore(int nights) {
    List<String> paths = new ArrayList<>();
    for (LocalDate night : new NightRecords(context.warehouse(), context.files()).completed()) {
      if (night.isBefore(context.night()) && !night.isBefore(context.night().minusDays(nights))) {
        Path holds = context.warehouse().published(WarehouseLayout.HOLDS, night);
        if (context.files().exists(holds)) {
          paths.add(holds.toString());
        }
      }
    }
    StructType schema = StructType.fromDDL("sender_id string, creator_id string, diamonds bigint");
    if (paths.isEmpty()) {
      return context.spark().createDataFrame(List.of(), schema);
    }
    return context.spark().read().parquet(paths.toArray(String[]::new))
        .filter(col("sender_id").isNotNull()).select("sender_id", "creator_id", "diamonds");
  }

  private Path work(String name) {
    return context.warehouse().work(context.night(), name);
  }

  static Map<String, String> keptAreas() {
    Map<String, String> areas = new LinkedHashMap<>();
    DailySummaries.SCHEMAS.keySet().forEach(name -> areas.put(name, AREA_DAILY));
    areas.put(OPEN_HOLDS, AREA_DAILY);
    areas.put(IncomeNight.STATE, AREA_DAILY);
    FeatureViews.VIEWS.keySet().forEach(name -> areas.put(name, AREA_FEATURES));
    areas.put(NightlyModel.NAME, NightlyModel.AREA);
    areas.putAll(ReviewNight.keptAreas());
    areas.put(RestrictedQuarantine.NAME, RestrictedQuarantine.AREA); // staged by ingest
    return areas;
  }
}
