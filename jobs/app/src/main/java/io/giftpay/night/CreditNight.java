package io.giftpay.night;

import io.giftpay.ledger.LedgerTable;
import io.giftpay.spark.BalanceColumns;
import io.giftpay.spark.CarryBalances;
import io.giftpay.spark.CreditCreators;
import io.giftpay.warehouse.WarehouseLayout;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Step 2: credits tonight's accepted gifts to their creators (policy point 1) and carries
 * every balance from the previous night's published {@code creator_balances} (point 3). Reads
 * one night of balances, never the whole history.
 */
public final class CreditNight {
  public static final String STEP = "credit";
  static final String BALANCES_BEFORE_PAYOUT = "balances_before_payout";

  static final StructType CARRIED_SCHEMA =
      new StructType()
          .add(BalanceColumns.CREATOR_ID, DataTypes.StringType, false)
          .add(BalanceColumns.CREDITED, DataTypes.LongType, false)
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
    Dataset<Row> gifts =
        AcceptedEvents.staged(
            context.spark(), context.files(),
            context.warehouse().stagedEvents(context.night(), LedgerTable.GIFTS.tableName()), LedgerTable.GIFTS);
    Dataset<Row> credits = new CreditCreators(context.policy().diamondsPerCoin()).apply(gifts);
    Dataset<Row> balances =
        writer.work(
            new CarryBalances(credits).apply(previousBalances()),
            context.warehouse().work(context.night(), BALANCES_BEFORE_PAYOUT));
    context.progress().line("[%s] %,d creators with a balance or a credit tonight", STEP, balances.count());
  }

  private Dataset<Row> previousBalances() {
    NightRecords records = new NightRecords(context.warehouse(), context.files());
    Optional<LocalDate> previous = records.previous(context.night());
    if (previous.isEmpty()) {
      return context.spark().createDataFrame(List.of(), CARRIED_SCHEMA);
    }
    return writer
        .read(context.warehouse().published(WarehouseLayout.CREATOR_BALANCES, previous.get()))
        .select(BalanceColumns.CARRIED[0], java.util.Arrays.copyOfRange(BalanceColumns.CARRIED, 1, BalanceColumns.CARRIED.length));
  }
}
