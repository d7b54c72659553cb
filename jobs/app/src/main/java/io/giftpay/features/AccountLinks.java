package io.giftpay.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.giftpay.spark.Transform;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Pairs of different accounts that used the same device or the same card over night D and the 30
 * nights before: {@code account_a, account_b} (both directions). Input: tonight's gifts, to keep
 * only pairs where one side gifted the other tonight's creators.
 */
public final class AccountLinks implements Transform {
  private final FeatureInputs in;

  public AccountLinks(FeatureInputs in) {
    this.in = in;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> gifts) {
    Dataset<Row> tonight =
        in.tonight()
            .get(DailySummaries.ACCOUNT_DEVICE)
            .select(col("user_id"), col("device_id").as("thing"))
            .union(
                in.tonight()
                    .get(DailySummaries.ACCOUNT_CARD)
                    .select(col("user_id"), col("payment_fingerprint").as("thing")));
    Dataset<Row> before =
        in.prior30()
            .apply(DailySummaries.ACCOUNT_DEVICE)
            .select(col("user_id"), col("device_id").as("thing"))
            .union(
                in.prior30()
                    .apply(DailySummaries.ACCOUNT_CARD)
                    .select(col("user_id"), col("payment_fingerprint").as("thing")));
    Dataset<Row> uses = tonight.union(before).distinct();
    // Only the accounts that matter tonight: senders and the creators they gifted.
    Dataset<Row> involved =
        gifts
            .select(col("sender_id").as("user_id"))
            .union(gifts.select(col("creator_id").as("user_id")))
            .distinct();
    Dataset<Row> relevant = uses.join(involved, "user_id");
    Dataset<Row> a = relevant.select(col("user_id").as("account_a"), col("thing"));
    Dataset<Row> b = relevant.select(col("user_id").as("account_b"), col("thing"));
    return a.join(b, "thing")
        .filter(col("account_a").notEqual(col("account_b")))
        .select("account_a", "account_b")
        .distinct();
  }

  /**
   * {@code pairs} (with {@code sender_id} and {@code creator_id} columns) and {@code _linked}: true
   * where the two accounts share a device or card in {@code links} (this transform's output, one
   * row per linked pair), null where they do not.
   */
  static Dataset<Row> markLinkedPairs(Dataset<Row> pairs, Dataset<Row> links) {
    Dataset<Row> marker =
        links.select(
            col("account_a").as("_link_sender"),
            col("account_b").as("_link_creator"),
            lit(true).as("_linked"));
    return pairs
        .join(
            marker,
            col("sender_id")
                .equalTo(col("_link_sender"))
                .and(col("creator_id").equalTo(col("_link_creator"))),
            "left")
        .drop("_link_sender", "_link_creator");
  }
}
