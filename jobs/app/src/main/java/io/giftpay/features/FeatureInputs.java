package io.giftpay.features;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What feature views are computed from: night D's accepted events, the accounts and FX snapshots as
 * of D, and the daily summaries of earlier nights ({@link DailySummaries}) over the trailing
 * windows. Every earlier input is a bounded window, never the whole history.
 *
 * @param gifts tonight's accepted gifts (contract columns)
 * @param recharges tonight's accepted recharges
 * @param reversals tonight's accepted reversals
 * @param rewards tonight's accepted rewards
 * @param accounts the accounts snapshot as of D
 * @param fxRates the FX snapshot as of D
 * @param prior30 the daily summaries of the 30 nights before D, by summary name
 * @param prior6 the daily summaries of the 6 nights before D, by summary name
 * @param tonight tonight's own daily summaries ({@link DailySummaries#of}), computed once
 * @param identifierKey the warehouse's key for card and device keys ({@link InstrumentKeys})
 */
public record FeatureInputs(
    LocalDate night,
    long diamondsPerCoin,
    Dataset<Row> gifts,
    Dataset<Row> recharges,
    Dataset<Row> reversals,
    Dataset<Row> rewards,
    Dataset<Row> accounts,
    Dataset<Row> fxRates,
    java.util.function.Function<String, Dataset<Row>> prior30,
    java.util.function.Function<String, Dataset<Row>> prior6,
    java.util.Map<String, Dataset<Row>> tonight,
    io.giftpay.privacy.IdentifierKey identifierKey) {

  /** A copy with tonight's summaries given (the caller may have written and re-read them). */
  public FeatureInputs withTonight(java.util.Map<String, Dataset<Row>> summaries) {
    return new FeatureInputs(
        night,
        diamondsPerCoin,
        gifts,
        recharges,
        reversals,
        rewards,
        accounts,
        fxRates,
        prior30,
        prior6,
        java.util.Map.copyOf(summaries),
        identifierKey);
  }
}
