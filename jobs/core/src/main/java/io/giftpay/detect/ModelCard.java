package io.giftpay.detect;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Describes a trained model: what it is, how it was trained, and the score at or above which a row
 * is flagged.
 *
 * @param name the algorithm, e.g. {@code isolation-forest}
 * @param version deterministic identity, e.g. {@code if-v1-<hash of parameters, seed, names and
 *     training rows>}: equal versions mean equal models
 * @param seed the training seed
 * @param trainingRows how many rows the model was trained on
 * @param parameters training parameters as text, sorted by key
 * @param threshold rows scoring at or above this are anomalous
 */
public record ModelCard(
    String name,
    String version,
    long seed,
    int trainingRows,
    Map<String, String> parameters,
    double threshold)
    implements Serializable {

  public ModelCard {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    if (trainingRows < 0) {
      throw new IllegalArgumentException("trainingRows < 0: " + trainingRows);
    }
    if (Double.isNaN(threshold)) {
      throw new IllegalArgumentException("threshold is NaN");
    }
    // A TreeMap, not Map.copyOf: the iteration (and serialization) order of Map.copyOf depends on a
    // per-JVM random salt, which would make the serialized model differ from run to run.
    parameters =
        Collections.unmodifiableMap(
            new TreeMap<>(Objects.requireNonNull(parameters, "parameters")));
  }

  /** {@code score >= threshold}. */
  public boolean flags(double score) {
    return score >= threshold;
  }
}
