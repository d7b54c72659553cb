package io.giftpay.model;

import io.giftpay.detect.AnomalyModel;

/**
 * Run in a child JVM by {@link SmileIsolationForestTrainerTest}: trains the reference model and
 * prints its version, the SHA-256 of its serialized bytes and of its scores.
 */
public final class DeterminismProbe {
  private DeterminismProbe() {}

  static final long SEED = 20261126L;

  static AnomalyModel train() {
    return new SmileIsolationForestTrainer()
        .train(TestData.names(6), TestData.gaussian(2_000, 6, 5L), SEED);
  }

  static String fingerprint(AnomalyModel model) {
    double[][] probe = TestData.gaussian(200, 6, 99L);
    StringBuilder scores = new StringBuilder();
    for (double[] row : probe) {
      scores.append(Double.doubleToRawLongBits(model.score(row))).append(',');
    }
    return model.card().version()
        + " bin="
        + ModelStore.sha256(ModelStore.serialize(model))
        + " scores="
        + ModelStore.sha256(scores.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        + " threshold="
        + model.card().threshold();
  }

  public static void main(String[] args) {
    System.out.println("FINGERPRINT " + fingerprint(train()));
  }
}
