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
import io.giftpay.features.CreatorExposure;
import io.giftpay.features.CreatorFeatures;
import io.giftpay.features.DailySummaries;
import io.giftpay.features.DeviceFeatures;
import io.giftpay.features.FeatureInputs;
import io.giftpay.features.FeatureViews;
import io.giftpay.features.SenderFeatures;
import io.giftpay.ledger.LedgerTable;
import io.giftpay.review.SuppressClearedFlags;
import io.giftpay.spark.ParquetFolder;
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
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Step 3: computes tonight's feature views, runs the detection rules over them, stages the {@code
 * flags} table, and decides which diamonds to hold (points 8 and 9 of the policy) for the pay step
 * to withhold. Keeps tonight's daily summaries and feature views for later nights and for
 * backtests.
 */
public final class DetectNight {
  public static final String STEP = "detect";
  static final String AREA_DAILY = "daily";
  static final String AREA_FEATURES = "features";
  static final String PAIR_HOLDS = "pair_holds";
  static final String CREATOR_HOLDS = "creator_holds";

  /** Holds placed by rules and still open (no decision yet): role, account_id, source, since. */
  static final String OPEN_HOLDS = "open_holds";

  static final StructType OPEN_HOLDS_SCHEMA =
      StructType.fromDDL("role string, account_id string, source string, since date");
  private static final int WINDOW_NIGHTS = 30;

  /** A week's views read tonight's summaries and those of the 6 nights before it. */
  private static final int PRIOR_WEEK_NIGHTS = 6;

  private final NightContext context;
  private final StagedWriter writer;

  public DetectNight(NightContext context) {
    this.context = context;
    this.writer = new StagedWriter(context.spark(), context.files());
  }

  public void run() {
    LocalDate night = context.night();
    FeatureInputs base = inputs();
    // Tonight's summaries are written once and read back, so no view recomputes them from the
    // events.
    Map<String, Dataset<Row>> tonight = new LinkedHashMap<>();
    for (Map.Entry<String, Dataset<Row>> daily : DailySummaries.of(base).entrySet()) {
      tonight.put(
          daily.getKey(),
          writer.work(
              daily.getValue(), context.warehouse().stagedKept(night, AREA_DAILY, daily.getKey())));
    }
    FeatureInputs in = base.withTonight(tonight);
    Dataset<Row> links = writer.work(new AccountLinks(in).apply(in.gifts()), work("account_links"));
    Path sendersDir = context.warehouse().stagedKept(night, AREA_FEATURES, FeatureViews.SENDER);
    Path creatorsDir = context.warehouse().stagedKept(night, AREA_FEATURES, FeatureViews.CREATOR);
    Path cardsDir = context.warehouse().stagedKept(night, AREA_FEATURES, FeatureViews.CARD);
    Path devicesDir = context.warehouse().stagedKept(night, AREA_FEATURES, FeatureViews.DEVICE);
    Dataset<Row> senders = writer.work(new SenderFeatures(in, links).apply(in.gifts()), sendersDir);
    Dataset<Row> creators =
        writer.work(new CreatorFeatures(in, senders, links).apply(in.gifts()), creatorsDir);
    Dataset<Row> cards = writer.work(new CardFeatures(in).apply(in.recharges()), cardsDir);
    Dataset<Row> devices = writer.work(new DeviceFeatures(in).apply(in.gifts()), devicesDir);

    Map<String, Dataset<Row>> views =
        Map.of(
            FeatureViews.SENDER,
            senders,
            FeatureViews.CREATOR,
            creators,
            FeatureViews.CARD,
            cards,
            FeatureViews.DEVICE,
            devices);
    Dataset<Row> flags =
        new EvaluateRules(rulesOver(views.keySet()), night)
            .apply(views, context.spark().createDataFrame(List.of(), FlagsSchema.SCHEMA));
    if (context
        .config()
        .getBoolean(GiftpayConfig.MODEL_ENABLED, GiftpayConfig.MODEL_ENABLED_DEFAULT)) {
      flags =
          flags.unionByName(
              new NightlyModel(context)
                  .scoreSenders(senders, new ParquetFolder(context.spark(), sendersDir).rows()));
    }
    // Reviewers' decisions: frozen once a night; a cleared case's rules stay quiet on its account.
    ReviewNight review = new ReviewNight(context);
    List<ReviewNight.Applied> decided = review.freeze();
    Dataset<Row> suppressions =
        writer.work(review.suppressions(decided), review.stagedKept(ReviewNight.SUPPRESSIONS));
    SuppressClearedFlags suppress =
        new SuppressClearedFlags(
            suppressions,
            context
                .config()
                .getDouble(
                    GiftpayConfig.REVIEW_EVIDENCE_GROWTH,
                    GiftpayConfig.REVIEW_EVIDENCE_GROWTH_DEFAULT));
    flags = writer.work(suppress.apply(flags), work("sender_and_creator_flags"));
    // A decision ends the holds its case had; a confirmed account is held from now on, whatever it
    // sends or receives.
    Dataset<Row> carriedHolds =
        previousOpenHolds()
            .join(review.decidedAccounts(decided), new String[] {"role", "account_id"}, "left_anti")
            .unionByName(review.confirmedHolds(decided));

    // Second pass: creators exposed to the senders the first pass distrusts are held the same
    // night.
    Dataset<Row> exposure =
        writer.work(
            new CreatorExposure(
                    in, distrustedSenders(flags, carriedHolds, in), senders, historyNights())
                .apply(weekPairs(in)),
            context.warehouse().stagedKept(night, AREA_FEATURES, FeatureViews.EXPOSURE));
    Map<String, Dataset<Row>> secondPass = Map.of(FeatureViews.EXPOSURE, exposure);
    flags =
        flags.unionByName(
            suppress.apply(
                new EvaluateRules(rulesOver(secondPass.keySet()), night)
                    .apply(
                        secondPass,
                        context.spark().createDataFrame(List.of(), FlagsSchema.SCHEMA))));
    Path flagsDir = context.warehouse().stagedTable(night, WarehouseLayout.FLAGS);
    writer.table(flags, PublishedTables.FLAGS, flagsDir);
    flags = writer.read(flagsDir);

    // A hold stays open until a reviewer decides: tonight's hold flags join the holds still open
    // from last night, so a held sender's new gifts and a held creator's new diamonds stop too.
    Dataset<Row> placedTonight =
        flags
            .filter(col("action").equalTo("hold"))
            .select(col("role"), col("account_id"), col("source"), lit(night).as("since"));
    Dataset<Row> openHolds =
        writer.work(
            carriedHolds
                .unionByName(placedTonight)
                .groupBy("role", "account_id", "source")
                .agg(min("since").as("since")),
            context.warehouse().stagedKept(night, AREA_DAILY, OPEN_HOLDS));
    Dataset<Row> reversing =
        in.reversals().select(col("user_id").as("sender_id"), lit("reversal").as("source"));
    Dataset<Row> holdRuleSenders =
        openHolds
            .filter(col("role").equalTo("sender"))
            .select(col("account_id").as("sender_id"), col("source"));
    Dataset<Row> sendersToHold =
        holdRuleSenders
            .union(reversing)
            .groupBy("sender_id")
            .agg(array_join(sort_array(collect_set(col("source"))), ",").as("source"));
    Dataset<Row> windowGifts =
        in.tonight()
            .get(DailySummaries.SENDER_CREATOR)
            .select(
                col("sender_id"),
                col("creator_id"),
                col("coins"),
                clearingLot(night).as(PlanPairHolds.CLEARS_ON))
            .unionByName(priorPairsByClearingLot(context.policy().reversalHoldDays()));
    writer.work(
        new PlanPairHolds(
                sendersToHold,
                heldBefore(context.policy().reversalHoldDays()),
                context.policy().diamondsPerCoin())
            .apply(windowGifts),
        work(PAIR_HOLDS));
    writer.work(
        openHolds
            .filter(col("role").equalTo("creator"))
            .groupBy(col("account_id").as("creator_id"))
            .agg(array_join(sort_array(collect_set(col("source"))), ",").as("source")),
        work(CREATOR_HOLDS));

    // Counted from the files' footers: a count() would be a Spark job each.
    context
        .progress()
        .line(
            "[%s] %,d senders, %,d creators, %,d card uses and %,d device uses profiled; %,d flags from %d rules; %,d sender-creator holds, %,d creators on hold",
            STEP,
            writer.rows(sendersDir),
            writer.rows(creatorsDir),
            writer.rows(cardsDir),
            writer.rows(devicesDir),
            writer.rows(flagsDir),
            context.rules().size(),
            writer.rows(work(PAIR_HOLDS)),
            writer.rows(work(CREATOR_HOLDS)));
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
        name -> prior(name, PRIOR_WEEK_NIGHTS),
        Map.of(),
        context.identifierKey());
  }

  private Dataset<Row> events(LedgerTable table) {
    return AcceptedEvents.tonight(context, table);
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

  /**
   * The rules that read one of these views (the first pass reads four, the second the exposure
   * view).
   */
  private List<io.giftpay.rules.DetectionRule> rulesOver(java.util.Set<String> views) {
    return context.rules().stream().filter(rule -> views.contains(rule.view())).toList();
  }

  /**
   * Senders detection distrusts tonight: flagged tonight by a fraud rule that holds, under a hold
   * carried from earlier nights, or charged back over D and the 30 nights before.
   */
  private Dataset<Row> distrustedSenders(
      Dataset<Row> flags, Dataset<Row> carriedHolds, FeatureInputs in) {
    List<String> fraudHolds =
        context.rules().stream()
            .filter(
                rule ->
                    rule.kind() == io.giftpay.review.CaseKind.FRAUD
                        && rule.action() == io.giftpay.rules.DetectionRule.Action.HOLD)
            .map(io.giftpay.rules.DetectionRule::source)
            .toList();
    Dataset<Row> flagged =
        flags
            .filter(
                col("role")
                    .equalTo("sender")
                    .and(col("action").equalTo("hold"))
                    .and(col("source").isin(fraudHolds.toArray())))
            .select(col("account_id").as("sender_id"));
    Dataset<Row> held =
        carriedHolds
            .filter(col("role").equalTo("sender"))
            .select(col("account_id").as("sender_id"));
    Dataset<Row> chargedBack =
        in.tonight()
            .get(DailySummaries.CHARGEBACKS)
            .select(col("user_id").as("sender_id"))
            .union(
                prior(DailySummaries.CHARGEBACKS, WINDOW_NIGHTS)
                    .select(col("user_id").as("sender_id")));
    return flagged.union(held).union(chargedBack).distinct();
  }

  /** Tonight's and the 6 nights before's sender-creator pairs. */
  private Dataset<Row> weekPairs(FeatureInputs in) {
    return in.tonight()
        .get(DailySummaries.SENDER_CREATOR)
        .select("sender_id", "creator_id", "coins")
        .union(
            prior(DailySummaries.SENDER_CREATOR, PRIOR_WEEK_NIGHTS)
                .select("sender_id", "creator_id", "coins"));
  }

  /** Completed nights of this warehouse among the 30 before D. */
  private int historyNights() {
    return (int)
        new NightRecords(context.warehouse(), context.files())
            .completed().stream()
                .filter(
                    n ->
                        n.isBefore(context.night())
                            && !n.isBefore(context.night().minusDays(WINDOW_NIGHTS)))
                .count();
  }

  /**
   * The clearing lot of diamonds credited on {@code credited}: its clearing night, or null once
   * cleared by D.
   */
  private org.apache.spark.sql.Column clearingLot(LocalDate credited) {
    LocalDate clearsOn = context.policy().clearsOn(credited);
    return clearsOn.isAfter(context.night()) ? lit(clearsOn) : lit(null).cast(DataTypes.DateType);
  }

  /**
   * The window's earlier sender-creator pairs with the clearing lot their diamonds are in: the
   * nights whose credits have cleared are read together, each still clearing one on its own.
   */
  private Dataset<Row> priorPairsByClearingLot(int nights) {
    StructType schema = DailySummaries.SCHEMAS.get(DailySummaries.SENDER_CREATOR);
    List<String> cleared = new ArrayList<>();
    Dataset<Row> out =
        context
            .spark()
            .createDataFrame(List.of(), schema)
            .withColumn(PlanPairHolds.CLEARS_ON, lit(null).cast(DataTypes.DateType));
    for (LocalDate night : new NightRecords(context.warehouse(), context.files()).completed()) {
      if (night.isBefore(context.night()) && !night.isBefore(context.night().minusDays(nights))) {
        Path kept = context.warehouse().kept(AREA_DAILY, DailySummaries.SENDER_CREATOR, night);
        if (!context.files().exists(kept)) {
          continue;
        }
        if (context.policy().clearsOn(night).isAfter(context.night())) {
          out =
              out.unionByName(
                  context
                      .spark()
                      .read()
                      .schema(schema)
                      .parquet(kept.toString())
                      .withColumn(PlanPairHolds.CLEARS_ON, clearingLot(night)));
        } else {
          cleared.add(kept.toString());
        }
      }
    }
    if (!cleared.isEmpty()) {
      out =
          out.unionByName(
              context
                  .spark()
                  .read()
                  .schema(schema)
                  .parquet(cleared.toArray(String[]::new))
                  .withColumn(PlanPairHolds.CLEARS_ON, lit(null).cast(DataTypes.DateType)));
    }
    return out.select("sender_id", "creator_id", "coins", PlanPairHolds.CLEARS_ON);
  }

  /** The holds still open after the night before D (none on a warehouse's first night). */
  private Dataset<Row> previousOpenHolds() {
    LocalDate previous = context.night().minusDays(1);
    Path kept = context.warehouse().kept(AREA_DAILY, OPEN_HOLDS, previous);
    if (!new NightRecords(context.warehouse(), context.files()).completed().contains(previous)
        || !context.files().exists(kept)) {
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
    return context
        .spark()
        .read()
        .parquet(paths.toArray(String[]::new))
        .filter(col("sender_id").isNotNull())
        .select("sender_id", "creator_id", "diamonds");
  }

  private Path work(String name) {
    return context.warehouse().work(context.night(), name);
  }

  static Map<String, String> keptAreas() {
    Map<String, String> areas = new LinkedHashMap<>();
    DailySummaries.SCHEMAS.keySet().forEach(name -> areas.put(name, AREA_DAILY));
    areas.put(OPEN_HOLDS, AREA_DAILY);
    areas.put(CreditNight.CLEARING_LOTS, AREA_DAILY); // staged by pay
    areas.put(IncomeNight.STATE, AREA_DAILY);
    FeatureViews.VIEWS.keySet().forEach(name -> areas.put(name, AREA_FEATURES));
    areas.put(NightlyModel.NAME, NightlyModel.AREA);
    areas.putAll(ReviewNight.keptAreas());
    areas.put(RestrictedQuarantine.NAME, RestrictedQuarantine.AREA); // staged by ingest
    areas.put(LateFiles.NAME, LateFiles.AREA); // staged by ingest
    return areas;
  }
}
