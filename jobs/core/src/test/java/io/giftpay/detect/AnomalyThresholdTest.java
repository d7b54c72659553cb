package io.giftpay.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AnomalyThresholdTest {

  @Test
  void contaminationFlagsThatFractionOfTrainingScores() {
    SplittableRandom random = new SplittableRandom(3);
    double[] scores = new double[10_000];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = 0.3 + 0.4 * random.nextDouble();
    }
    double[] copy = scores.clone();
    AnomalyThreshold t = AnomalyThreshold.contamination(0.01);
    double threshold = t.resolve(scores);
    assertEquals(copy.length, scores.length);
    for (int i = 0; i < scores.length; i++) {
      assertEquals(copy[i], scores[i], "input not modified");
    }
    long flagged = java.util.Arrays.stream(scores).filter(s -> s >= threshold).count();
    assertEquals(100, flagged);
    assertEquals(threshold, AnomalyThreshold.contamination(0.01).resolve(scores), "deterministic");
  }

  @Test
  void quantileEdgeCases() {
    double[] scores = {0.5, 0.9, 0.1, 0.7};
    assertEquals(0.9, AnomalyThreshold.upperQuantile(scores, 0.01), "at least one row");
    assertEquals(0.7, AnomalyThreshold.upperQuantile(scores, 0.5));
    // 0.07 * 100 = 7.000000000000001: rounding, not ceiling, keeps it at 7 rows
    double[] hundred = new double[100];
    for (int i = 0; i < 100; i++) {
      hundred[i] = i;
    }
    assertEquals(93.0, AnomalyThreshold.upperQuantile(hundred, 0.07));
  }

  @Test
  void fixedScoreIgnoresTrainingScores() {
    AnomalyThreshold t = AnomalyThreshold.score(0.62);
    assertFalse(t.isContamination());
    assertEquals(0.62, t.resolve(null));
  }

  @Test
  void parsesConfiguration() {
    assertEquals(
        AnomalyThreshold.contamination(0.01), AnomalyThreshold.parse("contamination=0.01"));
    assertEquals(AnomalyThreshold.score(0.6), AnomalyThreshold.parse(" Score: 0.6 "));
    AnomalyThreshold t = AnomalyThreshold.contamination(0.005);
    assertEquals(t, AnomalyThreshold.parse(t.toString()));
    assertThrows(IllegalArgumentException.class, () -> AnomalyThreshold.parse("contamination=0"));
    assertThrows(IllegalArgumentException.class, () -> AnomalyThreshold.parse("contamination=0.9"));
    assertThrows(IllegalArgumentException.class, () -> AnomalyThreshold.parse("score=1.5"));
    assertThrows(IllegalArgumentException.class, () -> AnomalyThreshold.parse("top=5"));
    assertThrows(IllegalArgumentException.class, () -> AnomalyThreshold.parse("score=high"));
  }

  @Test
  void modelCardFlagsAtOrAboveAndSortsParameters() {
    ModelCard card =
        new ModelCard(
            "isolation-forest", "if-v1-x", 1L, 10, Map.of("trees", "100", "depth", "8"), 0.6);
    assertTrue(card.flags(0.6));
    assertFalse(card.flags(0.5999));
    assertEquals("[depth, trees]", card.parameters().keySet().toString());
  }
}
