package io.giftpay.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DetectionScoreTest {
  @Test
  void recallPerPatternPrecisionAndReviewLoad() {
    Map<String, Set<String>> labels =
        Map.of(
            "thief1",
            Set.of("card_testing"),
            "thief2",
            Set.of("card_testing"),
            "ring1",
            Set.of("reciprocal_ring"),
            "alt",
            Set.of("self_gifting", "shared_card_farm"));
    Set<String> flagged = Set.of("thief1", "alt", "whale");
    DetectionScore score = DetectionScore.of(labels, flagged, 300);
    assertEquals(0.5, score.recallByPattern().get("card_testing").rate(), 1e-12);
    assertEquals(0.0, score.recallByPattern().get("reciprocal_ring").rate(), 1e-12);
    assertEquals(1.0, score.recallByPattern().get("self_gifting").rate(), 1e-12);
    assertEquals(2.0 / 3.0, score.precision(), 1e-12);
    assertEquals(0.01, score.reviewLoad(), 1e-12);
    assertEquals(Set.of("whale"), score.falsePositives());
    assertEquals(0.5, score.overallRecall(labels, flagged), 1e-12);
  }
}
