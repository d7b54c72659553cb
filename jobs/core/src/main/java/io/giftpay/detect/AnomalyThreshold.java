package io.giftpay.detect;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where to draw the line between ordinary and anomalous scores, from configuration: either a fixed
 * score ({@code score=0.62}) or a contamination rate ({@code contamination=0.01}: flag that
 * fraction of the training rows, i.e. the threshold is the (1 - rate) quantile of the training
 * scores). A row is flagged when its score is at or above the threshold.
 */
public final class AnomalyThreshold implements Serializable {
  private static final long serialVersionUID = 1L;

  private final boolean contamination;
  private final double value;

  private AnomalyThreshold(boolean contamination, double value) {
    this.contamination = contamination;
    this.value = value;
  }

  /** A fixed score threshold in [0, 1]. */
  public static AnomalyThreshold score(double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("score threshold must be in [0, 1]: " + threshold);
    }
    return new AnomalyThreshold(false, threshold);
  }

  /** Flag this fraction of the training rows, in (0, 0.5]. */
  public static AnomalyThreshold contamination(double rate) {
    if (!(rate > 0 && rate <= 0.5)) {
      throw new IllegalArgumentException("contamination must be in (0, 0.5]: " + rate);
    }
    return new AnomalyThreshold(true, rate);
  }

  /**
   * Parses {@code score=<0..1>} or {@code contamination=<(0, 0.5]>} (also with ':' instead of '=').
   */
  public static AnomalyThreshold parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    int sep = Math.max(t.indexOf('='), t.indexOf(':'));
    if (sep <= 0) {
      throw new IllegalArgumentException(
          "expected score=<x> or contamination=<rate>, got: " + text);
    }
    String kind = t.substring(0, sep).trim();
    double v;
    try {
      v = Double.parseDouble(t.substring(sep + 1).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number in: " + text, e);
    }
    return switch (kind) {
      case "score" -> score(v);
      case "contamination" -> contamination(v);
      default ->
          throw new IllegalArgumentException(
              "expected score=<x> or contamination=<rate>, got: " + text);
    };
  }

  public boolean isContamination() {
    return contamination;
  }

  /** The configured score threshold or contamination rate. */
  public double value() {
    return value;
  }

  /**
   * The score threshold. For a fixed threshold, that value ({@code trainingScores} may be null);
   * for a contamination rate, {@link #upperQuantile}.
   */
  public double resolve(double[] trainingScores) {
    if (!contamination) {
      return value;
    }
    if (trainingScores == null || trainingScores.length == 0) {
      throw new IllegalArgumentException("a contamination threshold needs the training scores");
    }
    return upperQuantile(trainingScores, value);
  }

  /**
   * The score at or above which {@code k = max(1, round(rate * n))} of the {@code n} scores lie:
   * the k-th largest score. Exactly k rows are flagged unless scores tie at the threshold (then the
   * tied rows are all flagged). Does not modify {@code scores}.
   */
  public static double upperQuantile(double[] scores, double rate) {
    double[] sorted = scores.clone();
    for (double s : sorted) {
      if (Double.isNaN(s)) {
        throw new IllegalArgumentException("NaN score");
      }
    }
    Arrays.sort(sorted);
    int n = sorted.length;
    int k = (int) Math.max(1, Math.min(n, Math.round(rate * n)));
    return sorted[n - k];
  }

  /** The configuration text, e.g. {@code contamination=0.01}; {@link #parse} reads it back. */
  @Override
  public String toString() {
    return (contamination ? "contamination=" : "score=") + value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AnomalyThreshold other
        && other.contamination == contamination
        && Double.compare(other.value, value) == 0;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(contamination) * 31 + Double.hashCode(value);
  }
}
