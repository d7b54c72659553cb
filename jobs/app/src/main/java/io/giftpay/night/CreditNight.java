package io.giftpay.night;

import io.giftpay.ledger.LedgerTable;
import io.giftpay.spark.BalanceColumns;
import io.giftpay.spark.CarryBalances;
import io.giftpay.spark.ClearingLots;
import io.giftpay.spark.CreditCreators;
import io.giftpay.spark.MatureCredits;
import io.giftpay.spark.ScheduleCredits;
import io.giftpay.warehouse.WarehouseLayout;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Step 2: credits tonight's accepted gifts to their creators (policy point 1) and carries every
 * balance from the previous night's published {@code creator_balances} (point 3). Tonight's credits
 * are pending until they clear (point 11, policy v2): they join the clearing lots kept from the
 * previous night, and the lots whose night has come become available. Reads one night of balances
 * and lots, never the whole history.
 */
public final class CreditNight {
  public static final String STEP = "credit";
  static final String BALANCES_BEFORE_PAYOUT = "balances_before_payout";
  static final String LOTS = "clearing_lots_after_credit";

  /** The clearing lots still to clear after a night, kept for the next one. */
  static final String CLEARING_LOTS = "clearing_lots";

  static final StructType CARRIED_SCHEMA =
      new StructType()
          .add(BalanceColumns.CREATOR_ID, DataTypes.StringType, false)
          .add(BalanceColumns.CREDITED, DataTypes.LongType, false)
          .add(BalanceColumns.PENDING, DataTypes.LongType, false)
          .add(BalanceColumns.AVAILABLE, DataTypes.LongType, false)
          .add(BalanceColumns.HELD, DataTypes.LongType, false)
          .add(BalanceColumns.PAID, DataTypes.LongType, false)
          .add(BalanceColumns.FORFEITED, DataTypes.LongType, false);

  private final NightContext context;
  private final StagedWriter writer;

  public CreditNight(NightContext context) {
    this.context = context;
    this.writer = new StagedWriter(context.spark(), context.files());
  }

  public void run() {
    Dataset<Row> gifts = AcceptedEvents.tonight(context, LedgerTable.GIFTS);
    Dataset<Row> credits = new CreditCreators(context.policy().diamondsPerCoin()).apply(gifts);
    LocalDate night = context.night();
    Dataset<Row> lots =
        new ScheduleCredits(credits, context.policy().clearsOn(night)).apply(previousLots());
    Path balances = context.warehouse().work(night, BALANCES_BEFORE_PAYOUT);
    writer.work(
        new MatureCredits(lots, night).apply(new CarryBalances(credits).apply(previousBalances())),
        balances);
    writer.work(ClearingLots.after(lots, night), context.warehouse().work(night, LOTS));
    context
        .progress()
        .line("[%s] %,d creators with a balance or a credit tonight", STEP, writer.rows(balances));
  }

  /** The lots kept by the previous completed night (none on a warehouse's first night). */
  private Dataset<Row> previousLots() {
    Optional<LocalDate> previous =
        new NightRecords(context.warehouse(), context.files()).previous(context.night());
    if (previous.isPresent()) {
      org.apache.hadoop.fs.Path kept =
          context.warehouse().kept(DetectNight.AREA_DAILY, CLEARING_LOTS, previous.get());
      if (context.files().exists(kept)) {
        return context.spark().read().schema(ClearingLots.SCHEMA).parquet(kept.toString());
      }
    }
    return context.spark().createDataFrame(List.of(), ClearingLots.SCHEMA);
  }

  private Dataset<Row> previousBalances() {
    NightRecords records = new NightRecords(context.warehouse(), context.files());
    Optional<LocalDate> previous = records.previous(context.night());
    if (previous.isEmpty()) {
      return context.spark().createDataFrame(List.of(), CARRIED_SCHEMA);
    }
    Dataset<Row> published =
        writer.read(
            context.warehouse().published(WarehouseLayout.CREATOR_BALANCES, previous.get()));
    if (!java.util.Arrays.asList(published.columns()).contains(BalanceColumns.PENDING)) {
      // a night published before policy v2 had nothing pending
      published =
          published.withColumn(BalanceColumns.PENDING, org.apache.spark.sql.functions.lit(0L));
    }
    return published.select(
        BalanceColumns.CARRIED[0],
        java.util.Arrays.copyOfRange(BalanceColumns.CARRIED, 1, BalanceColumns.CARRIED.length));
  }
}
