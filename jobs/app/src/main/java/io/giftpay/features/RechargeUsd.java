package io.giftpay.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Recharge amounts in USD at D's rates, for the views that sum money. */
final class RechargeUsd {
  static final String COLUMN = "_amount_usd";

  private RechargeUsd() {}

  /**
   * The recharges with {@value #COLUMN}: the amount itself in USD, the amount divided by the
   * currency's units per USD otherwise, and 0 for a currency without a rate (it cannot be valued).
   */
  static Dataset<Row> withUsd(Dataset<Row> recharges, Dataset<Row> fxRates) {
    Dataset<Row> joined =
        recharges.join(
            fxRates.select(col("currency").as("_fx_currency"), col("units_per_usd")),
            col("currency").equalTo(col("_fx_currency")),
            "left");
    Column usd =
        when(col("currency").equalTo("USD"), col("amount"))
            .otherwise(
                when(col("units_per_usd").gt(0), col("amount").divide(col("units_per_usd")))
                    .otherwise(lit(0)));
    return joined.withColumn(COLUMN, usd).drop("_fx_currency", "units_per_usd");
  }
}
