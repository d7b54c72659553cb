package io.giftpay.night;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;

import io.giftpay.detection.ApplyHolds;
import io.giftpay.detection.HoldLots;
import io.giftpay.ledger.LedgerTable;
import io.giftpay.review.ApplyDecisions;
import io.giftpay.review.BuildCaseBook;
import io.giftpay.review.ReleaseHeldLots;
import io.giftpay.spark.BalanceColumns;
import io.giftpay.spark.BalanceRows;
import io.giftpay.spark.DecidePayouts;
import io.giftpay.spark.PayoutRows;
import io.giftpay.warehouse.PublishedTables;
import io.giftpay.warehouse.WarehouseLayout;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Step 5: applies the reviewers' decisions (release or forfeit held diamonds), withholds what
 * detection decided to hold, decides every creator's payout under the payout policy, and stages the
 * {@code payouts}, {@code creator_balances}, {@code holds}, {@code reviews} and {@code
 * spending_limits} tables and tonight's case book. Nothing is visible until publish.
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
    // Reviewers' decisions first: released diamonds can be paid tonight, forfeited ones never.
    ReviewNight review = new ReviewNight(context);
    List<ReviewNight.Applied> applied = review.freeze();
    Dataset<Row> moves = writer.work(review.moves(applied), work("review_moves"));
    Dataset<Row> credited = writer.read(work(CreditNight.BALANCES_BEFORE_PAYOUT));
    Dataset<Row> lots = writer.read(work(CreditNight.LOTS));
    Dataset<Row> lotsDecided =
        writer.work(
            new ReleaseHeldLots(moves, credited).apply(lots),
            work("clearing_lots_after_decisions"));
    Dataset<Row> before = new ApplyDecisions(moves, lots, lotsDecided).apply(credited);
    Dataset<Row> pairHolds = writer.read(work(DetectNight.PAIR_HOLDS));
    Dataset<Row> creatorHolds = writer.read(work(DetectNight.CREATOR_HOLDS));
    Dataset<Row> held =
        writer.work(
            new ApplyHolds(pairHolds, creatorHolds, lotsDecided).apply(before),
            work("balances_after_holds"));
    writer.work(
        new HoldLots(pairHolds, creatorHolds).apply(lotsDecided),
        context
            .warehouse()
            .stagedKept(context.night(), DetectNight.AREA_DAILY, CreditNight.CLEARING_LOTS));

    KeptSnapshots snapshots = new KeptSnapshots(context);
    Dataset<Row> accounts = writer.read(snapshots.used(LedgerTable.ACCOUNTS));
    Dataset<Row> fxRates = writer.read(snapshots.used(LedgerTable.FX_RATES));
    Dataset<Row> decided =
        writer.work(
            new DecidePayouts(context.policy(), context.night(), accounts, fxRates).apply(held),
            work(DECIDED));

    writer.table(
        new PayoutRows(context.night(), context.policy().version()).apply(decided),
        PublishedTables.PAYOUTS,
        staged(WarehouseLayout.PAYOUTS));
    writer.table(
        new BalanceRows(context.night(), context.policy().diamondValueUsd()).apply(decided),
        PublishedTables.CREATOR_BALANCES,
        staged(WarehouseLayout.CREATOR_BALANCES));
    writer.table(
        holdsTable(pairHolds, creatorHolds, held),
        PublishedTables.HOLDS,
        staged(WarehouseLayout.HOLDS));
    writer.table(
        review.reviewsTable(applied, moves),
        PublishedTables.REVIEWS,
        staged(WarehouseLayout.REVIEWS));
    writer.table(
        review.spendingLimits(applied),
        PublishedTables.SPENDING_LIMITS,
        staged(WarehouseLayout.SPENDING_LIMITS));
    BuildCaseBook book =
        new BuildCaseBook(context.night(), review.careRules())
            .apply(
                review.previousBook(),
                review.previousCaseHolds(),
                writer.read(staged(WarehouseLayout.FLAGS)),
                writer.read(staged(WarehouseLayout.HOLDS)),
                review.decidedCases(applied));
    writer.work(book.caseHolds(), review.stagedKept(ReviewNight.CASE_HOLDS));
    writer.work(book.book(), review.stagedKept(ReviewNight.CASES));
    long paid = writer.read(staged(WarehouseLayout.PAYOUTS)).count();
    context.progress().line("[%s] %,d creators paid", STEP, paid);
    if (!applied.isEmpty()) {
      Row moved =
          writer
              .read(staged(WarehouseLayout.REVIEWS))
              .agg(
                  org.apache.spark.sql.functions.sum("diamonds_released"),
                  org.apache.spark.sql.functions.sum("diamonds_forfeited"))
              .first();
      context
          .progress()
          .line(
              "[%s] %d review decisions applied: %,d diamonds released, %,d forfeited",
              STEP,
              applied.size(),
              moved.isNullAt(0) ? 0L : moved.getLong(0),
              moved.isNullAt(1) ? 0L : moved.getLong(1));
    }
  }

  /**
   * One row per hold placed tonight: what a reviewer decides on. {@code sender_id} is null for a
   * hold on the creator itself.
   */
  private Dataset<Row> holdsTable(
      Dataset<Row> pairHolds, Dataset<Row> creatorHolds, Dataset<Row> held) {
    Dataset<Row> onCreators =
        creatorHolds
            .join(
                held.select(
                    col(BalanceColumns.CREATOR_ID),
                    col(ApplyHolds.CREATOR_HOLD_DIAMONDS).as("diamonds")),
                "creator_id")
            .select(
                col("creator_id"),
                lit(null).cast(DataTypes.StringType).as("sender_id"),
                col("diamonds"),
                col("source"));
    // one hold per sender and creator, whichever clearing lots its diamonds are in
    Dataset<Row> onPairs =
        pairHolds
            .groupBy("creator_id", "sender_id", "source")
            .agg(org.apache.spark.sql.functions.sum("diamonds").as("diamonds"))
            .select("creator_id", "sender_id", "diamonds", "source");
    Dataset<Row> all = onPairs.unionByName(onCreators);
    return all.select(
        concat(
                lit("hold-"),
                substring(
                    sha2(
                        concat_ws(
                            "|",
                            lit(context.night().toString()),
                            col("creator_id"),
                            coalesce(col("sender_id"), lit("")),
                            col("source")),
                        256),
                    1,
                    32))
            .as("hold_id"),
        col("creator_id"),
        col("sender_id"),
        col("diamonds"),
        col("source"),
        lit("held").as("state"),
        lit(context.night()).as("business_date"));
  }

  private Path work(String name) {
    return context.warehouse().work(context.night(), name);
  }

  private Path staged(String table) {
    return context.warehouse().stagedTable(context.night(), table);
  }
}
