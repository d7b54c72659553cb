package io.giftpay.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;

import java.util.Arrays;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The creators whose balance row tonight breaks a per-creator invariant: its held diamonds differ
 * from its open review cases' holds, its pending diamonds differ from its clearing lots that no
 * hold withholds, or it had a balance row last night and has none tonight. Empty means none does.
 *
 * <p>Output: {@code creator_id}, and {@code held_mismatch}, {@code pending_mismatch} and {@code
 * lost} (booleans). The four inputs are stacked and summed per creator, so the three checks are one
 * aggregate, not a join and a Spark job each.
 */
public final class FindCreatorBookMismatches implements Transform {
  public static final String HELD_MISMATCH = "held_mismatch";
  public static final String PENDING_MISMATCH = "pending_mismatch";
  public static final String LOST = "lost";

  private static final String[] PARTS = {
    "_balance_held", "_balance_pending", "_tonight", "_case_held", "_lots_pending", "_last_night"
  };

  private final Dataset<Row> caseHolds;
  private final Dataset<Row> clearingLots;
  private final Optional<Dataset<Row>> lastNightsBalances;

  /**
   * @param caseHolds the open review cases' holds ({@code creator_id}, {@code diamonds})
   * @param clearingLots tonight's kept clearing lots ({@link ClearingLots#SCHEMA})
   * @param lastNightsBalances the previous completed night's published balances, if there is one
   */
  public FindCreatorBookMismatches(
      Dataset<Row> caseHolds,
      Dataset<Row> clearingLots,
      Optional<Dataset<Row>> lastNightsBalances) {
    this.caseHolds = caseHolds;
    this.clearingLots = clearingLots;
    this.lastNightsBalances = lastNightsBalances;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> balances) {
    Dataset<Row> stacked =
        part(
                balances,
                BalanceColumns.CREATOR_ID,
                coalesce(col(BalanceColumns.HELD), lit(0L)),
                coalesce(col(BalanceColumns.PENDING), lit(0L)),
                lit(1L),
                null,
                null,
                null)
            .unionByName(
                part(caseHolds, "creator_id", null, null, null, col("diamonds"), null, null))
            .unionByName(
                part(
                    clearingLots.filter(not(col(ClearingLots.HELD))),
                    ClearingLots.CREATOR_ID,
                    null,
                    null,
                    null,
                    null,
                    col(ClearingLots.DIAMONDS),
                    null));
    if (lastNightsBalances.isPresent()) {
      stacked =
          stacked.unionByName(
              part(
                  lastNightsBalances.get(),
                  BalanceColumns.CREATOR_ID,
                  null,
                  null,
                  null,
                  null,
                  null,
                  lit(1L)));
    }
    Column[] sums = new Column[PARTS.length];
    for (int i = 0; i < PARTS.length; i++) {
      sums[i] = sum(PARTS[i]).as(PARTS[i]);
    }
    Column held = col("_balance_held").notEqual(col("_case_held"));
    Column pending = col("_balance_pending").notEqual(col("_lots_pending"));
    Column lost = col("_last_night").gt(0).and(col("_tonight").equalTo(0));
    return stacked
        .groupBy(BalanceColumns.CREATOR_ID)
        .agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length))
        .select(
            col(BalanceColumns.CREATOR_ID),
            held.as(HELD_MISMATCH),
            pending.as(PENDING_MISMATCH),
            lost.as(LOST))
        .filter(col(HELD_MISMATCH).or(col(PENDING_MISMATCH)).or(col(LOST)));
  }

  /** One input as a row per creator with the six parts, a missing part as 0. */
  private static Dataset<Row> part(Dataset<Row> input, String creator, Column... values) {
    Column[] columns = new Column[PARTS.length + 1];
    columns[0] = col(creator).as(BalanceColumns.CREATOR_ID);
    for (int i = 0; i < PARTS.length; i++) {
      columns[i + 1] = (values[i] == null ? lit(0L) : values[i].cast("bigint")).as(PARTS[i]);
    }
    return input.select(columns);
  }
}
