package io.giftpay.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One decision as a reviewer recorded it: appended to the decision log, never edited. A
 * confirmation that needs four eyes is recorded twice, once by each reviewer, and takes effect only
 * with both.
 *
 * @param decisionId unique id ({@code dec-} and hex)
 * @param caseId the case it answers
 * @param accountId the case's account
 * @param role {@code sender} or {@code creator}
 * @param decision cleared, confirmed or limit
 * @param reviewer who decided
 * @param reason why, in the reviewer's words (never empty)
 * @param decidedAt when it was recorded
 * @param dailyLimitUsd the limit, for {@link Decision#LIMIT} only (else null)
 */
public record ReviewDecision(
    String decisionId,
    String caseId,
    String accountId,
    String role,
    Decision decision,
    String reviewer,
    String reason,
    Instant decidedAt,
    BigDecimal dailyLimitUsd) {

  public ReviewDecision {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(reviewer, "reviewer");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(decidedAt, "decidedAt");
    if ((decision == Decision.LIMIT) != (dailyLimitUsd != null)) {
      throw new IllegalArgumentException(
          "Invalid decision " + decisionId + ": a daily limit goes with 'limit' and only with it");
    }
  }
}
