package io.giftpay.detect;

import java.io.Serializable;
import java.util.List;

/**
 * A trained, immutable anomaly model. Giftpay code depends on this interface only; the
 * implementation (today a Smile Isolation Forest) lives in the app module.
 *
 * <p>Implementations are {@link Serializable} so one instance can be shipped in a Spark closure or
 * broadcast, and must be safe to call from several threads at once.
 */
public interface AnomalyModel extends Serializable {

  /**
   * Anomaly score of one row, in [0, 1]; higher is more anomalous. For an Isolation Forest this is
   * the standard score {@code 2^(-E[h(x)] / c(psi))}: about 0.5 or below for ordinary rows, near 1
   * for rows that are isolated after very few splits.
   *
   * @param features the row, in the order of {@link #featureNames()}; every value finite
   * @throws IllegalArgumentException if the length is wrong or a value is NaN or infinite
   */
  double score(double[] features);

  /** The feature names, in the order {@link #score(double[])} expects the values. */
  List<String> featureNames();

  /** What the model is, how it was trained, and its threshold. */
  ModelCard card();

  /**
   * The {@code top} features whose values set this row apart from the training rows: those whose
   * percentile among the training rows is farthest from the median (ties broken by feature order).
   */
  Explanation explain(double[] features, int top);

  /** {@code score(features) >= card().threshold()}. */
  default boolean isAnomalous(double[] features) {
    return card().flags(score(features));
  }
}
