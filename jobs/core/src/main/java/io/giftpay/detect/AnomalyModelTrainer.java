package io.giftpay.detect;

import java.util.List;

/**
 * Trains an {@link AnomalyModel}. Implementations must be deterministic: the same feature names,
 * rows and seed give a model with the same {@link ModelCard#version()}, the same scores and the
 * same serialized bytes, in any JVM.
 */
public interface AnomalyModelTrainer {

  /**
   * @param featureNames one distinct, non-blank name per column
   * @param rows training rows, each {@code featureNames.size()} finite values; not modified
   * @param seed the only source of randomness
   */
  AnomalyModel train(List<String> featureNames, double[][] rows, long seed);
}
