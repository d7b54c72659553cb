package io.giftpay.review;

import java.util.Map;

/**
 * After a case is cleared, the rules that flagged it stay quiet on the account for some nights,
 * unless the evidence grows: some numeric feature of a new flag exceeds the value the reviewer saw
 * by more than the growth factor (e.g. 0.5: half as much again). A feature the cleared flag did not
 * have counts as grown. The Spark filter ({@code SuppressClearedFlags}) applies this same rule.
 */
public final class EvidenceGrowth {
  private final double factor;

  public EvidenceGrowth(double factor) {
    if (!(factor >= 0)) {
      throw new IllegalArgumentException(
          "Invalid evidence growth factor: " + factor + " (must be 0 or more)");
    }
    this.factor = factor;
  }

  public double factor() {
    return factor;
  }

  public boolean grew(Map<String, Double> cleared, Map<String, Double> now) {
    for (Map.Entry<String, Double> feature : now.entrySet()) {
      Double value = feature.getValue();
      if (value == null) {
        continue;
      }
      Double before = cleared.get(feature.getKey());
      if (before == null || value > before * (1 + factor) && value > before) {
        return true;
      }
    }
    return false;
  }
}
