package io.giftpay.detect;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a row stands out: its most extreme features, most extreme first.
 *
 * @param features the features, ordered by distance of their percentile from 50, then by feature
 *     order
 */
public record Explanation(List<FeatureContribution> features) implements Serializable {

  public Explanation {
    features = List.copyOf(features);
  }

  /** For example {@code coins_today 48000 (p99.9), recharges_10min 9 (p99.7)}. */
  @Override
  public String toString() {
    return features.stream().map(FeatureContribution::toString).collect(Collectors.joining(", "));
  }
}
