package io.giftpay.income;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.giftpay.spark.Transform;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code creator_income} table: one row per creator credited in the 30 nights ending D, from
 * the rolled window of diamonds per gifter ({@link RollGifterWindow}) and tonight's pairs. USD is
 * {@code diamonds × diamond_value_usd} in decimals. Shares and the Herfindahl index are ratios of
 * exact integer sums with one division each (see {@link Concentration}), so they do not depend on
 * how Spark orders a sum and the file is the same bytes every run; the band is {@link
 * DependencyBand}'s rule on those columns.
 */
public final class CreatorIncome implements Transform {
  public static final StructType SCHEMA =
      StructType.fromDDL(
          "creator_id string, usd_today decimal(22,4), usd_30d decimal(22,4), gifters_30d bigint, top_gifter_share double,"
              + " top5_share double, concentration double, band string, business_date date");
  private static final int USD_SCALE = 4;

  private final Dataset<Row> tonightPairs;
  private final long diamondsPerCoin;
  private final BigDecimal diamondValueUsd;
  private final LocalDate businessDate;

  /**
   * @param tonightPairs tonight's {@code sender_creator} summary ({@code sender_id, creator_id,
   *     coins})
   * @throws IllegalArgumentException when a diamond's value has more decimals than the table's USD
   *     columns
   */
  public CreatorIncome(
      Dataset<Row> tonightPairs,
      long diamondsPerCoin,
      BigDecimal diamondValueUsd,
      LocalDate businessDate) {
    if (diamondValueUsd.stripTrailingZeros().scale() > USD_SCALE) {
      throw new IllegalArgumentException(
          "Invalid diamond_value_usd: '"
              + diamondValueUsd.toPlainString()
              + "' (creator_income's USD columns are decimal(22,"
              + USD_SCALE
              + "); a diamond's value needs at most "
              + USD_SCALE
              + " decimals)");
    }
    this.tonightPairs = tonightPairs;
    this.diamondsPerCoin = diamondsPerCoin;
    this.diamondValueUsd = diamondValueUsd;
    this.businessDate = businessDate;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> window) {
    // Ties in the top five do not change its sum; sender_id only makes the ranking total.
    Column rank =
        row_number()
            .over(
                Window.partitionBy("creator_id").orderBy(col("diamonds").desc(), col("sender_id")));
    Column exact = col("diamonds").cast("decimal(20,0)");
    Dataset<Row> perCreator =
        window
            .withColumn("rank", rank)
            .groupBy("creator_id")
            .agg(
                sum("diamonds").as("diamonds_30d"),
                count(lit(1)).as("gifters_30d"),
                max("diamonds").as("top_diamonds"),
                sum(when(col("rank").leq(DependencyBand.TOP_GIFTERS), col("diamonds"))
                        .otherwise(0L))
                    .as("top5_diamonds"),
                sum(exact.multiply(exact)).as("squares"));
    Dataset<Row> today =
        tonightPairs
            .groupBy("creator_id")
            .agg(sum(col("coins").multiply(lit(diamondsPerCoin))).as("diamonds_today"));

    Column total = col("diamonds_30d").cast("double");
    Column totalExact = col("diamonds_30d").cast("decimal(20,0)");
    Column usd30d = usd(col("diamonds_30d"));
    Column top = col("top_diamonds").cast("double").divide(total);
    Column top5 = col("top5_diamonds").cast("double").divide(total);
    Column concentration =
        col("squares").cast("double").divide(totalExact.multiply(totalExact).cast("double"));
    return perCreator
        .join(today, perCreator.col("creator_id").equalTo(today.col("creator_id")), "left")
        .select(
            perCreator.col("creator_id").as("creator_id"),
            usd(coalesce(col("diamonds_today"), lit(0L))).as("usd_today"),
            usd30d.as("usd_30d"),
            col("gifters_30d"),
            top.as("top_gifter_share"),
            top5.as("top5_share"),
            concentration.as("concentration"),
            lit(businessDate).as("business_date"))
        .withColumn(
            "band",
            band(col("usd_30d"), col("top_gifter_share"), col("top5_share"), col("concentration")))
        .select(
            "creator_id",
            "usd_today",
            "usd_30d",
            "gifters_30d",
            "top_gifter_share",
            "top5_share",
            "concentration",
            "band",
            "business_date");
  }

  private Column usd(Column diamonds) {
    return diamonds
        .cast("decimal(20,0)")
        .multiply(lit(diamondValueUsd))
        .cast("decimal(22," + USD_SCALE + ")");
  }

  /** {@link DependencyBand#of} as a Spark column, from the same constants in the same order. */
  static Column band(Column usd30d, Column topGifterShare, Column top5Share, Column concentration) {
    return when(usd30d.lt(lit(DependencyBand.MINIMUM_USD_30D)), lit(DependencyBand.LOW.label()))
        .when(
            topGifterShare
                .geq(lit(DependencyBand.HIGH_TOP_GIFTER_SHARE))
                .or(concentration.geq(lit(DependencyBand.HIGH_CONCENTRATION))),
            lit(DependencyBand.HIGH.label()))
        .when(
            top5Share
                .geq(lit(DependencyBand.MEDIUM_TOP5_SHARE))
                .or(concentration.geq(lit(DependencyBand.MEDIUM_CONCENTRATION))),
            lit(DependencyBand.MEDIUM.label()))
        .otherwise(lit(DependencyBand.LOW.label()));
  }
}
