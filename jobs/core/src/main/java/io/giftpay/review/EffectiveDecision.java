package io.giftpay.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The decision a night applies to one case, read from the decisions recorded on it and not yet
 * applied. The earliest decision counts; a confirmation that forfeits at least the four-eyes amount
 * counts only once a second, different reviewer has confirmed it too.
 *
 * @param first the decision that counts
 * @param secondReviewer the second confirming reviewer, or null
 * @param consumed every recorded decision this one answers (the night marks them applied)
 */
public record EffectiveDecision(
    ReviewDecision first, String secondReviewer, List<String> consumed) {

  public EffectiveDecision {
    consumed = List.copyOf(consumed);
  }

  /**
   * @param recorded the case's recorded decisions not yet applied, in any order
   * @param usdHeld what the case holds now, at the policy's diamond value
   * @param fourEyesUsd the smallest forfeit that needs a second reviewer
   * @return the decision to apply, or empty when none is complete (none recorded, or a confirmation
   *     still waiting for its second reviewer)
   */
  public static Optional<EffectiveDecision> of(
      List<ReviewDecision> recorded, BigDecimal usdHeld, BigDecimal fourEyesUsd) {
    List<ReviewDecision> inOrder = new ArrayList<>(recorded);
    inOrder.sort(
        Comparator.comparing(ReviewDecision::decidedAt).thenComparing(ReviewDecision::decisionId));
    if (inOrder.isEmpty()) {
      return Optional.empty();
    }
    ReviewDecision first = inOrder.get(0);
    List<String> ids = inOrder.stream().map(ReviewDecision::decisionId).toList();
    if (first.decision() != Decision.CONFIRMED || !needsFourEyes(usdHeld, fourEyesUsd)) {
      return Optional.of(new EffectiveDecision(first, null, ids));
    }
    return inOrder.stream()
        .filter(d -> d.decision() == Decision.CONFIRMED && !d.reviewer().equals(first.reviewer()))
        .findFirst()
        .map(second -> new EffectiveDecision(first, second.reviewer(), ids));
  }

  public static boolean needsFourEyes(BigDecimal usdHeld, BigDecimal fourEyesUsd) {
    return usdHeld.compareTo(fourEyesUsd) >= 0;
  }

  public Decision decision() {
    return first.decision();
  }

  public Instant decidedAt() {
    return first.decidedAt();
  }
}
