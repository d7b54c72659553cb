package io.giftpay.model;

import io.giftpay.detect.AnomalyModel;
import io.giftpay.detect.Explanation;
import io.giftpay.detect.FeaturePercentiles;
import io.giftpay.detect.ModelCard;
import java.util.List;
import java.util.Objects;
import smile.anomaly.IsolationForest;

/**
 * An Isolation Forest trained by {@link SmileIsolationForestTrainer}: Smile's forest for scores,
 * the training rows' per-feature percentiles for explanations, and the model card. Immutable,
 * thread-safe and {@link java.io.Serializable} (Java serialization), so it can be captured in a
 * Spark closure or broadcast.
 */
public final class SmileIsolationForestModel implements AnomalyModel {
  private static final long serialVersionUID = 1L;

  private final List<String> featureNames;
  private final IsolationForest forest;
  private final FeaturePercentiles percentiles;
  private final ModelCard card;

  SmileIsolationForestModel(
      List<String> featureNames,
      IsolationForest forest,
      FeaturePercentiles percentiles,
      ModelCard card) {
    this.featureNames = List.copyOf(featureNames);
    this.forest = Objects.requireNonNull(forest, "forest");
    this.percentiles = Objects.requireNonNull(percentiles, "percentiles");
    this.card = Objects.requireNonNull(card, "card");
    if (percentiles.columns() != this.featureNames.size()) {
      throw new IllegalArgumentException(
          "percentiles have "
              + percentiles.columns()
              + " columns, names "
              + this.featureNames.size());
    }
  }

  /**
   * The standard Isolation Forest score {@code 2^(-E[h(x)] / c(psi))} where {@code psi} is the
   * per-tree sample size: near 1 for anomalies, at most about 0.5 for ordinary rows.
   */
  @Override
  public double score(double[] features) {
    check(features);
    return forest.score(features);
  }

  @Override
  public List<String> featureNames() {
    return featureNames;
  }

  @Override
  public ModelCard card() {
    return card;
  }

  @Override
  public Explanation explain(double[] features, int top) {
    check(features);
    return percentiles.explain(featureNames, features, top);
  }

  /** The per-feature training percentiles behind {@link #explain}. */
  public FeaturePercentiles percentiles() {
    return percentiles;
  }

  /** Number of trees. */
  public int trees() {
    return forest.size();
  }

  private void check(double[] features) {
    if (features == null || features.length != featureNames.size()) {
      throw new IllegalArgumentException(
          "expected "
              + featureNames.size()
              + " features "
              + featureNames
              + ", got "
              + (features == null ? "null" : features.length));
    }
    for (int i = 0; i < features.length; i++) {
      if (!Double.isFinite(features[i])) {
        throw new IllegalArgumentException("feature " + featureNames.get(i) + " is " + features[i]);
      }
    }
  }

  @Override
  public String toString() {
    return card.name()
        + " "
        + card.version()
        + " ("
        + forest.size()
        + " trees, "
        + featureNames.size()
        + " features)";
  }
}
