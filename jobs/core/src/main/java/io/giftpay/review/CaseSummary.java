package io.giftpay.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One review case as the queue and the night report show it: one account (sender or creator) with
 * open flags or holds, or a case already decided.
 *
 * @param caseId stable id of the case ({@code case-} and hex), the same every night it stays open
 * @param accountId the account under review
 * @param role {@code sender} or {@code creator}
 * @param kind {@link CaseKind#FRAUD} or {@link CaseKind#CARE}
 * @param sources the flags' sources (rule ids with version, the model, {@code reversal}), sorted
 * @param modelScore the anomaly model's highest score among its flags, or null when it did not flag
 * @param heldDiamonds diamonds held tonight because of this account
 * @param usdHeld {@code heldDiamonds} at the policy's diamond value
 * @param firstFlagged the first night of the case
 * @param lastFlagged the latest night a flag or hold joined it
 * @param ageNights nights from {@code firstFlagged} to the night the case was read on
 * @param status {@link CaseStatus#OPEN} or {@link CaseStatus#DECIDED}
 */
public record CaseSummary(
    String caseId,
    String accountId,
    String role,
    CaseKind kind,
    List<String> sources,
    Double modelScore,
    long heldDiamonds,
    BigDecimal usdHeld,
    LocalDate firstFlagged,
    LocalDate lastFlagged,
    int ageNights,
    CaseStatus status) {

  public CaseSummary {
    sources = List.copyOf(sources);
  }
}
