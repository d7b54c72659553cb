package io.giftpay.night;

import io.giftpay.ledger.LedgerTable;
import io.giftpay.spark.BalanceColumns;
import io.giftpay.spark.BalanceRows;
import io.giftpay.spark.DecidePayouts;
import io.giftpay.spark.PayoutRows;
import io.giftpay.warehouse.WarehouseLayout;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Step 3: decides every creator's payout under policy v1 and stages the {@code payouts},
 * {@code creator_balances} and {@code flags} tables. Nothing is visible until publish.
 */
public final class PayNight {
  public static final String STEP = "pay";
  static final String DECIDED = "decided_balances";

  private final NightContext context;
  private final StagedWriter writer;

  public PayNight(NightContext context) {
    this.context = context;
    this.writer = new StagedWriter(context.spark(), context.files());
  }

  public void run() {
    Dataset<Row> before = writer.read(work(CreditNight.BALANCES_BEFORE_PAYOUT));
    KeptSnapshots snapshots = new KeptSnapshots(context);
    Dataset<Row> accounts = writer.read(snapshots.used(LedgerTable.ACCOUNTS));
    Dataset<Row> fxRates = writer.read(snapshots.used(LedgerTable.FX_RATES));
    Dataset<Row> decided =
        writer.work(
            new DecidePayouts(context.policy(), context.night(), accounts, fxRates).apply(before), work(DECIDED));

    writer.table(
        new PayoutRows(context.night(), context.policy().version()).apply(decided),
        staged(WarehouseLayout.PAYOUTS), BalanceColumns.CREATOR_ID);
    writer.table(
        new BalanceRows(context.night(), context.policy().diamondValueUsd()).apply(decided),
        staged(WarehouseLayout.CREATOR_BALANCES), BalanceColumns.CREATOR_ID);
    // Detection comes with its own issue; until then the night publishes an empty, typed flags table.
    writer.table(
        context.spark().createDataFrame(List.of(), FlagsSchema.SCHEMA), staged(WarehouseLayout.FLAGS), "account_id");
    long paid = writer.read(staged(WarehouseLayout.PAYOUTS)).count();
    context.progress().line("[%s] %,d creators paid", STEP, paid);
  }

  private Path work(String name) {
    return context.warehouse().work(context.night(), name);
  }

  private Path staged(String table) {
    return context.warehouse().stagedTable(context.night(), table);
  }
}
