package io.giftpay.review;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring_index;

import io.giftpay.spark.Transform;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;

/**
 * Drops tonight's flags that a reviewer has already answered: a rule that flagged a cleared case
 * stays quiet on that account until its quiet period ends, unless the evidence grew ({@link
 * EvidenceGrowth}: some feature of tonight's flag exceeds what the reviewer saw by more than the
 * factor). Model flags carry no rule features, so they stay quiet for the period.
 */
public final class SuppressClearedFlags implements Transform {
  private static final DataType FEATURES =
      DataType.fromDDL("struct<features: map<string, string>>");

  private final Dataset<Row> suppressions;
  private final double growthFactor;

  /**
   * @param suppressions in force tonight: account_id, role, rule, until, evidence
   */
  public SuppressClearedFlags(Dataset<Row> suppressions, double growthFactor) {
    this.suppressions = suppressions;
    this.growthFactor = new EvidenceGrowth(growthFactor).factor();
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> flags) {
    Dataset<Row> quiet =
        suppressions.select(
            col("account_id").as("_q_account"),
            col("role").as("_q_role"),
            col("rule").as("_q_rule"),
            from_json(col("evidence"), FEATURES, java.util.Map.of())
                .getField("features")
                .as("_then"));
    Dataset<Row> joined =
        flags
            .withColumn("_rule", substring_index(col("source"), "@", 1))
            .join(
                quiet,
                col("account_id")
                    .equalTo(col("_q_account"))
                    .and(col("role").equalTo(col("_q_role")))
                    .and(col("_rule").equalTo(col("_q_rule"))),
                "left")
            .withColumn(
                "_now",
                from_json(col("evidence"), FEATURES, java.util.Map.of()).getField("features"));
    String factor = String.format(Locale.ROOT, "%.17g", 1 + growthFactor);
    String grew =
        "exists(map_keys(_now), k -> try_cast(_now[k] as double) is not null and ("
            + "try_cast(_then[k] as double) is null or (try_cast(_now[k] as double) > try_cast(_then[k] as double) * "
            + factor
            + " and try_cast(_now[k] as double) > try_cast(_then[k] as double))))";
    return joined
        .filter(col("_q_account").isNull().or(coalesce(expr(grew), lit(false))))
        .drop("_rule", "_q_account", "_q_role", "_q_rule", "_then", "_now");
  }
}
