package io.giftpay.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a reviewer's decision may be recorded, before anything is written. Refusals are
 * {@link DecisionRefused} with one plain line: an unknown account, no open case, an empty reason, a
 * limit on a fraud case or without an amount, a case already decided, the same reviewer confirming
 * twice.
 */
public final class DecisionDesk {
  private final BigDecimal fourEyesUsd;

  public DecisionDesk(BigDecimal fourEyesUsd) {
    this.fourEyesUsd = fourEyesUsd;
  }

  /**
   * What recording a decision did: whether it takes effect at the next night, and a line to print.
   */
  public record Outcome(ReviewDecision decision, boolean complete, String message) {}

  /**
   * @param accountKnown the account is in the accounts snapshot or has a case
   * @param openCase the account's open case in the requested role, if any
   * @param pending decisions already recorded on that case and not yet applied
   */
  public Outcome decide(
      String decisionId,
      String accountId,
      boolean accountKnown,
      Optional<CaseSummary> openCase,
      List<ReviewDecision> pending,
      Decision decision,
      String reviewer,
      String reason,
      BigDecimal dailyLimitUsd,
      Instant now) {
    if (reviewer == null || reviewer.isBlank()) {
      throw new DecisionRefused("Invalid --reviewer: empty (say who decides)");
    }
    if (reason == null || reason.isBlank()) {
      throw new DecisionRefused("Invalid --reason: empty (say why, for the record)");
    }
    if (!accountKnown) {
      throw new DecisionRefused(
          "Unknown account '" + accountId + "': not in the accounts snapshot and never flagged");
    }
    CaseSummary c =
        openCase.orElseThrow(
            () ->
                new DecisionRefused(
                    "Account '"
                        + accountId
                        + "' has no open case: nothing flagged or held since its last decision"));
    if (decision == Decision.LIMIT) {
      if (c.kind() != CaseKind.CARE) {
        throw new DecisionRefused(
            "Invalid --decision: 'limit' is for care cases; case "
                + c.caseId()
                + " is a fraud case");
      }
      if (dailyLimitUsd == null) {
        throw new DecisionRefused(
            "Invalid --daily-usd: missing ('limit' needs the daily limit in USD)");
      }
      if (dailyLimitUsd.signum() <= 0 || dailyLimitUsd.stripTrailingZeros().scale() > 2) {
        throw new DecisionRefused(
            "Invalid --daily-usd: "
                + dailyLimitUsd.toPlainString()
                + " (a positive amount in whole cents)");
      }
    } else if (dailyLimitUsd != null) {
      throw new DecisionRefused("Invalid --daily-usd: only a 'limit' decision takes a daily limit");
    }
    String reviewerName = reviewer.strip();
    ReviewDecision recorded =
        new ReviewDecision(
            decisionId,
            c.caseId(),
            accountId,
            c.role(),
            decision,
            reviewerName,
            reason.strip(),
            now,
            decision == Decision.LIMIT ? dailyLimitUsd.setScale(2) : null);
    if (pending.isEmpty()) {
      if (decision == Decision.CONFIRMED
          && EffectiveDecision.needsFourEyes(c.usdHeld(), fourEyesUsd)) {
        return new Outcome(
            recorded,
            false,
            String.format(
                "Recorded the first confirmation of case %s (%s %s, USD %s held): it forfeits at least USD %s, so it takes effect "
                    + "once a second, different reviewer confirms it",
                c.caseId(),
                c.role(),
                accountId,
                c.usdHeld().toPlainString(),
                fourEyesUsd.toPlainString()));
      }
      return new Outcome(
          recorded,
          true,
          String.format(
              "Recorded: case %s (%s %s) %s by %s; the next night applies it",
              c.caseId(), c.role(), accountId, decision.word(), reviewerName));
    }
    Optional<EffectiveDecision> already = EffectiveDecision.of(pending, c.usdHeld(), fourEyesUsd);
    ReviewDecision first =
        pending.stream()
            .min(
                java.util.Comparator.comparing(ReviewDecision::decidedAt)
                    .thenComparing(ReviewDecision::decisionId))
            .orElseThrow();
    if (already.isPresent()) {
      EffectiveDecision e = already.get();
      throw new DecisionRefused(
          String.format(
              "Case %s of %s is already decided: %s by %s%s at %s; the next night applies it",
              c.caseId(),
              accountId,
              e.decision().word(),
              e.first().reviewer(),
              e.secondReviewer() == null ? "" : " and " + e.secondReviewer(),
              e.decidedAt()));
    }
    // Only a confirmation waiting for its second reviewer is pending and incomplete.
    if (decision != Decision.CONFIRMED) {
      throw new DecisionRefused(
          String.format(
              "Case %s of %s awaits a second confirmation (first by %s at %s): confirm it, or ask %s to withdraw it",
              c.caseId(), accountId, first.reviewer(), first.decidedAt(), first.reviewer()));
    }
    if (first.reviewer().equals(reviewerName)) {
      throw new DecisionRefused(
          String.format(
              "Case %s of %s needs a second, different reviewer: %s confirmed it already at %s",
              c.caseId(), accountId, reviewerName, first.decidedAt()));
    }
    return new Outcome(
        recorded,
        true,
        String.format(
            "Recorded the second confirmation of case %s (%s %s) by %s after %s; the next night forfeits its held diamonds",
            c.caseId(), c.role(), accountId, reviewerName, first.reviewer()));
  }
}
