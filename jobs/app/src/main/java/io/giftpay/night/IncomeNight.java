package io.giftpay.night;

import static org.apache.spark.sql.functions.col;

import io.giftpay.features.DailySummaries;
import io.giftpay.income.CreatorIncome;
import io.giftpay.income.RollGifterWindow;
import io.giftpay.warehouse.PublishedTables;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Step 4, {@code income}, after detect: stages {@code creator_income}, how much each creator
 * credited in the 30 nights ending D depends on a few gifters. Keeps the window of diamonds per
 * creator and gifter ({@value #STATE}) and rolls it one night on: last night's window, plus
 * tonight's {@code sender_creator} summary (staged by detect), minus the summary of night D-30,
 * which leaves. A night reads the active pairs and two small summaries, never the history. When
 * last night's window is missing (a new warehouse, or one kept before this step existed) it is
 * rebuilt once from the kept summaries of the last 30 nights.
 */
public final class IncomeNight {
  public static final String STEP = "income";

  /** The published table. */
  public static final String TABLE = "creator_income";

  /**
   * Kept area (under {@code _giftpay/daily/}): the 30-night window of diamonds per creator and
   * gifter.
   */
  static final String STATE = "creator_gifters_30d";

  private static final int WINDOW_NIGHTS = 30;

  private final NightContext context;
  private final StagedWriter writer;

  public IncomeNight(NightContext context) {
    this.context = context;
    this.writer = new StagedWriter(context.spark(), context.files());
  }

  public void run() {
    LocalDate night = context.night();
    long diamondsPerCoin = context.policy().diamondsPerCoin();
    Dataset<Row> tonight = tonightPairs();
    Optional<Dataset<Row>> previous = previousState();
    Dataset<Row> rolled;
    if (previous.isPresent()) {
      rolled =
          new RollGifterWindow(tonight, summary(night.minusDays(WINDOW_NIGHTS)), diamondsPerCoin)
              .apply(previous.get());
    } else {
      // A one-off rebuild: every kept night of the window arrives at once, none leaves.
      Dataset<Row> window = tonight;
      for (LocalDate earlier = night.minusDays(WINDOW_NIGHTS - 1);
          earlier.isBefore(night);
          earlier = earlier.plusDays(1)) {
        window = window.unionByName(summary(earlier));
      }
      rolled =
          new RollGifterWindow(
                  window,
                  empty(DailySummaries.SCHEMAS.get(DailySummaries.SENDER_CREATOR)),
                  diamondsPerCoin)
              .apply(empty(RollGifterWindow.STATE_SCHEMA));
    }
    Path stateDir = context.warehouse().stagedKept(night, DetectNight.AREA_DAILY, STATE);
    Dataset<Row> state = writer.work(rolled, stateDir);
    List<Row> negative = state.filter(col("diamonds").lt(0L)).limit(1).collectAsList();
    if (!negative.isEmpty()) {
      Row r = negative.get(0);
      throw new NightFailure(
          "Invalid "
              + STATE
              + " for night "
              + night
              + ": creator "
              + r.getAs("creator_id")
              + ", sender "
              + r.getAs("sender_id")
              + " has "
              + r.getAs("diamonds")
              + " diamonds (night "
              + night.minusDays(WINDOW_NIGHTS)
              + "'s sender_creator summary takes out more than night "
              + night.minusDays(1)
              + "'s window holds)");
    }

    Path table = context.warehouse().stagedTable(night, TABLE);
    writer.table(
        new CreatorIncome(tonight, diamondsPerCoin, context.policy().diamondValueUsd(), night)
            .apply(state),
        PublishedTables.CREATOR_INCOME,
        table);
    Map<String, Long> bands = new HashMap<>();
    for (Row band : writer.read(table).groupBy("band").count().collectAsList()) {
      bands.put(band.getString(0), band.getLong(1));
    }
    long creators = writer.rows(table);
    long high = bands.getOrDefault("high", 0L);
    long medium = bands.getOrDefault("medium", 0L);
    context
        .progress()
        .line(
            "[%s] %,d creators credited in 30 nights over %,d creator-gifter pairs (%s); bands: %,d high, %,d medium, %,d low",
            STEP,
            creators,
            writer.rows(stateDir),
            previous.isPresent() ? "rolled from last night" : "rebuilt from the kept summaries",
            high,
            medium,
            creators - high - medium);
  }

  /** Tonight's sender_creator summary, which the detect step stages before this step runs. */
  private Dataset<Row> tonightPairs() {
    Path staged =
        context
            .warehouse()
            .stagedKept(context.night(), DetectNight.AREA_DAILY, DailySummaries.SENDER_CREATOR);
    if (!context.files().exists(staged)) {
      throw new NightFailure(
          "Night "
              + context.night()
              + " has no staged "
              + DailySummaries.SENDER_CREATOR
              + " summary at "
              + staged
              + "; the detect step did not finish");
    }
    return context
        .spark()
        .read()
        .schema(DailySummaries.SCHEMAS.get(DailySummaries.SENDER_CREATOR))
        .parquet(staged.toString());
  }

  /** Night D-1's kept window, when D-1 completed with one. */
  private Optional<Dataset<Row>> previousState() {
    LocalDate previous = context.night().minusDays(1);
    Path kept = context.warehouse().kept(DetectNight.AREA_DAILY, STATE, previous);
    if (!new NightRecords(context.warehouse(), context.files()).isCompleted(previous)
        || !context.files().exists(kept)) {
      return Optional.empty();
    }
    return Optional.of(
        context.spark().read().schema(RollGifterWindow.STATE_SCHEMA).parquet(kept.toString()));
  }

  /** One completed night's kept sender_creator summary; empty when that night did not run. */
  private Dataset<Row> summary(LocalDate night) {
    StructType schema = DailySummaries.SCHEMAS.get(DailySummaries.SENDER_CREATOR);
    Path kept =
        context.warehouse().kept(DetectNight.AREA_DAILY, DailySummaries.SENDER_CREATOR, night);
    if (!new NightRecords(context.warehouse(), context.files()).isCompleted(night)
        || !context.files().exists(kept)) {
      return empty(schema);
    }
    return context.spark().read().schema(schema).parquet(kept.toString());
  }

  private Dataset<Row> empty(StructType schema) {
    return context.spark().createDataFrame(List.of(), schema);
  }
}
