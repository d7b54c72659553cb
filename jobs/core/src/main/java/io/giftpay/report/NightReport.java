package io.giftpay.report;

import io.giftpay.review.CaseSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Every figure the night report shows, read from night D's published tables (and the review cases
 * handed in by the caller). Money is BigDecimal at the policy's diamond value; counts are longs;
 * lists are in the order the page shows them.
 *
 * @param night the business date D
 * @param policyVersion the payout policy the night ran under
 * @param diamondValueUsd USD per diamond (policy), the rate every diamond figure is valued at
 * @param books the night's money movements and balances
 * @param payoutsByCurrency payouts of D per currency, by currency code
 * @param quarantineByReason rejected input rows of D per reason code
 * @param flagsBySource flags of D per source (rule with version, or the model)
 * @param modelFlags how many of the flags the anomaly model raised
 * @param modelScores the model's flag scores as a histogram, lowest bin first
 * @param reviewsByDecision review decisions applied on D per decision
 * @param trend paid and held USD of the nights up to D that exist (at most 30), oldest first
 * @param biggestOpenCases open review cases, most USD held first
 * @param backlogByAge open review cases per age bucket, youngest first
 * @param dependencyBands creators per income-dependency band (low, medium, high)
 */
public record NightReport(
    LocalDate night,
    int policyVersion,
    BigDecimal diamondValueUsd,
    Books books,
    List<CurrencyPayouts> payoutsByCurrency,
    List<Count> quarantineByReason,
    List<Count> flagsBySource,
    long modelFlags,
    List<ScoreBin> modelScores,
    List<Count> reviewsByDecision,
    List<TrendPoint> trend,
    List<CaseSummary> biggestOpenCases,
    List<Count> backlogByAge,
    List<Band> dependencyBands) {

  public NightReport {
    Objects.requireNonNull(night, "night");
    Objects.requireNonNull(diamondValueUsd, "diamondValueUsd");
    Objects.requireNonNull(books, "books");
    payoutsByCurrency = List.copyOf(payoutsByCurrency);
    quarantineByReason = List.copyOf(quarantineByReason);
    flagsBySource = List.copyOf(flagsBySource);
    modelScores = List.copyOf(modelScores);
    reviewsByDecision = List.copyOf(reviewsByDecision);
    trend = List.copyOf(trend);
    biggestOpenCases = List.copyOf(biggestOpenCases);
    backlogByAge = List.copyOf(backlogByAge);
    dependencyBands = List.copyOf(dependencyBands);
  }

  public long payoutsCount() {
    return payoutsByCurrency.stream().mapToLong(CurrencyPayouts::payouts).sum();
  }

  public BigDecimal payoutsUsd() {
    return payoutsByCurrency.stream()
        .map(CurrencyPayouts::amountUsd)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public long quarantined() {
    return quarantineByReason.stream().mapToLong(Count::count).sum();
  }

  public long flags() {
    return flagsBySource.stream().mapToLong(Count::count).sum();
  }

  /** Diamonds and their exact USD value at the policy's diamond value. */
  public record Amount(long diamonds, BigDecimal usd) {
    public Amount {
      Objects.requireNonNull(usd, "usd");
    }

    public static Amount of(long diamonds, BigDecimal diamondValueUsd) {
      return new Amount(diamonds, diamondValueUsd.multiply(BigDecimal.valueOf(diamonds)));
    }
  }

  /**
   * The books of night D. {@code credited}, {@code paid}: tonight's movements; {@code held}, {@code
   * carried}: balances after D ({@code carried} sums the positive available balances); {@code
   * released}, {@code forfeited}: what tonight's review decisions freed or took; {@code negative}:
   * the creators whose available balance is below zero, and its total.
   */
  public record Books(
      Amount credited,
      Amount paid,
      Amount pending,
      Amount held,
      Amount released,
      Amount forfeited,
      Amount carried,
      long negativeCreators,
      Amount negative) {
    public Books {
      Objects.requireNonNull(credited, "credited");
      Objects.requireNonNull(paid, "paid");
      Objects.requireNonNull(pending, "pending");
      Objects.requireNonNull(held, "held");
      Objects.requireNonNull(released, "released");
      Objects.requireNonNull(forfeited, "forfeited");
      Objects.requireNonNull(carried, "carried");
      Objects.requireNonNull(negative, "negative");
    }
  }

  /** Payouts in one currency: how many, the amount in the currency, and its USD. */
  public record CurrencyPayouts(
      String currency, long payouts, BigDecimal amount, BigDecimal amountUsd) {}

  /** A named count (a reason, a source, a decision, an age bucket). */
  public record Count(String name, long count) {}

  /** Model scores in {@code [from, to)} and how many flags had one. */
  public record ScoreBin(double from, double to, long count) {}

  /** One night of the trend. */
  public record TrendPoint(LocalDate night, BigDecimal paidUsd, BigDecimal heldUsd) {}

  /** Creators in one dependency band and the USD they earned in the last 30 nights. */
  public record Band(String band, long creators, BigDecimal usd30d) {}
}
