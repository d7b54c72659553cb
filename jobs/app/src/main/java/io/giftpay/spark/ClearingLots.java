package io.giftpay.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Policy v2's clearing lots (contract point 11): per creator, the diamonds that have not cleared
 * yet, by the night they clear, and whether a hold withholds them. A creator's {@code
 * pending_diamonds} is the sum of its lots that are not held; a held lot remembers its clearing
 * night so that a reviewer's release leaves it pending until that night. Lots that reach their
 * night are dropped: unheld ones become available ({@link MatureCredits}), held ones stay in {@code
 * held_diamonds}, now cleared. Under policy v1 (no clearing) there are never any.
 */
public final class ClearingLots {
  public static final String CREATOR_ID = BalanceColumns.CREATOR_ID;
  public static final String CLEARS_ON = "clears_on";
  public static final String HELD = "held";
  public static final String DIAMONDS = "diamonds";

  public static final StructType SCHEMA =
      new StructType()
          .add(CREATOR_ID, DataTypes.StringType, false)
          .add(CLEARS_ON, DataTypes.DateType, false)
          .add(HELD, DataTypes.BooleanType, false)
          .add(DIAMONDS, DataTypes.LongType, false);

  private ClearingLots() {}

  /**
   * The lots still to clear after night D, merged per creator, clearing night and held, none empty.
   */
  public static Dataset<Row> after(Dataset<Row> lots, LocalDate night) {
    return normalise(lots.filter(col(CLEARS_ON).gt(lit(night))));
  }

  /**
   * One row per creator, clearing night and held; empty lots dropped; sorted, so kept files repeat
   * byte for byte.
   */
  public static Dataset<Row> normalise(Dataset<Row> lots) {
    return lots.groupBy(CREATOR_ID, CLEARS_ON, HELD)
        .agg(sum(DIAMONDS).as(DIAMONDS))
        .filter(col(DIAMONDS).gt(0))
        .select(CREATOR_ID, CLEARS_ON, HELD, DIAMONDS)
        .orderBy(CREATOR_ID, CLEARS_ON, HELD);
  }

  /**
   * Per creator, how many more diamonds are pending in {@code after} than in {@code before}
   * (negative when a hold took pending diamonds), as {@code as}.
   */
  public static Dataset<Row> unheldGain(
      Dataset<Row> before, Dataset<Row> after, String creatorAs, String as) {
    Dataset<Row> b = unheld(before, creatorAs, "_before");
    Dataset<Row> a = unheld(after, creatorAs, "_after");
    return b.join(a, new String[] {creatorAs}, "full_outer")
        .select(
            col(creatorAs),
            coalesce(col("_after"), lit(0L)).minus(coalesce(col("_before"), lit(0L))).as(as));
  }

  /** Per creator, the diamonds of its lots that no hold withholds, as {@code as}. */
  public static Dataset<Row> unheld(Dataset<Row> lots, String creatorAs, String as) {
    return lots.filter(not(col(HELD)))
        .groupBy(col(CREATOR_ID).as(creatorAs))
        .agg(sum(DIAMONDS).as(as));
  }
}
