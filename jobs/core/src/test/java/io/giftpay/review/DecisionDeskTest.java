package io.giftpay.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionDeskTest {
  private static final BigDecimal FOUR_EYES = new BigDecimal("500.00");
  private static final Instant NOW = Instant.parse("2026-11-05T10:00:00Z");
  private final DecisionDesk desk = new DecisionDesk(FOUR_EYES);

  private static CaseSummary openCase(CaseKind kind, String usdHeld) {
    return new CaseSummary(
        "case-1",
        "u1",
        "creator",
        kind,
        List.of("self-gifting@v2"),
        null,
        1000,
        new BigDecimal(usdHeld),
        LocalDate.of(2026, 11, 2),
        LocalDate.of(2026, 11, 4),
        2,
        CaseStatus.OPEN);
  }

  private DecisionDesk.Outcome decide(
      Optional<CaseSummary> c,
      List<ReviewDecision> pending,
      Decision d,
      String reviewer,
      String reason,
      BigDecimal limit) {
    return desk.decide("dec-new", "u1", true, c, pending, d, reviewer, reason, limit, NOW);
  }

  private static ReviewDecision recorded(String id, Decision d, String reviewer, Instant at) {
    return new ReviewDecision(
        id,
        "case-1",
        "u1",
        "creator",
        d,
        reviewer,
        "why",
        at,
        d == Decision.LIMIT ? new BigDecimal("20.00") : null);
  }

  @Test
  void clearingAnOpenCaseIsCompleteAtOnce() {
    DecisionDesk.Outcome o =
        decide(
            Optional.of(openCase(CaseKind.FRAUD, "900.00")),
            List.of(),
            Decision.CLEARED,
            "ana",
            "known household",
            null);
    assertTrue(o.complete());
    assertEquals("case-1", o.decision().caseId());
    assertEquals("ana", o.decision().reviewer());
  }

  @Test
  void aConfirmationAtTheFourEyesAmountWaitsForASecondReviewer() {
    DecisionDesk.Outcome o =
        decide(
            Optional.of(openCase(CaseKind.FRAUD, "500.00")),
            List.of(),
            Decision.CONFIRMED,
            "ana",
            "mule",
            null);
    assertFalse(o.complete());
    assertTrue(o.message().contains("second, different reviewer"), o.message());
  }

  @Test
  void aConfirmationBelowTheFourEyesAmountIsCompleteAlone() {
    assertTrue(
        decide(
                Optional.of(openCase(CaseKind.FRAUD, "499.99")),
                List.of(),
                Decision.CONFIRMED,
                "ana",
                "mule",
                null)
            .complete());
  }

  @Test
  void theSameReviewerCannotBeTheSecondPairOfEyes() {
    List<ReviewDecision> pending =
        List.of(recorded("dec-1", Decision.CONFIRMED, "ana", NOW.minusSeconds(60)));
    DecisionRefused e =
        assertThrows(
            DecisionRefused.class,
            () ->
                decide(
                    Optional.of(openCase(CaseKind.FRAUD, "900.00")),
                    pending,
                    Decision.CONFIRMED,
                    "ana",
                    "again",
                    null));
    assertTrue(e.getMessage().contains("second, different reviewer"), e.getMessage());
  }

  @Test
  void aSecondReviewerCompletesTheConfirmation() {
    List<ReviewDecision> pending =
        List.of(recorded("dec-1", Decision.CONFIRMED, "ana", NOW.minusSeconds(60)));
    assertTrue(
        decide(
                Optional.of(openCase(CaseKind.FRAUD, "900.00")),
                pending,
                Decision.CONFIRMED,
                "bo",
                "agree",
                null)
            .complete());
  }

  @Test
  void aThirdConfirmationOfADecidedCaseIsRefusedAndSaysSo() {
    List<ReviewDecision> pending =
        List.of(
            recorded("dec-1", Decision.CONFIRMED, "ana", NOW.minusSeconds(60)),
            recorded("dec-2", Decision.CONFIRMED, "bo", NOW.minusSeconds(30)));
    DecisionRefused e =
        assertThrows(
            DecisionRefused.class,
            () ->
                decide(
                    Optional.of(openCase(CaseKind.FRAUD, "900.00")),
                    pending,
                    Decision.CONFIRMED,
                    "cy",
                    "me too",
                    null));
    assertTrue(e.getMessage().contains("already decided: confirmed by ana and bo"), e.getMessage());
  }

  @Test
  void aClearanceWhileAConfirmationWaitsIsRefused() {
    List<ReviewDecision> pending =
        List.of(recorded("dec-1", Decision.CONFIRMED, "ana", NOW.minusSeconds(60)));
    assertThrows(
        DecisionRefused.class,
        () ->
            decide(
                Optional.of(openCase(CaseKind.FRAUD, "900.00")),
                pending,
                Decision.CLEARED,
                "bo",
                "no",
                null));
  }

  @Test
  void refusesAnUnknownAccountNoOpenCaseAndAnEmptyReason() {
    assertTrue(
        assertThrows(
                DecisionRefused.class,
                () ->
                    desk.decide(
                        "d",
                        "ghost",
                        false,
                        Optional.empty(),
                        List.of(),
                        Decision.CLEARED,
                        "ana",
                        "r",
                        null,
                        NOW))
            .getMessage()
            .startsWith("Unknown account 'ghost'"));
    assertTrue(
        assertThrows(
                DecisionRefused.class,
                () -> decide(Optional.empty(), List.of(), Decision.CLEARED, "ana", "r", null))
            .getMessage()
            .contains("has no open case"));
    assertTrue(
        assertThrows(
                DecisionRefused.class,
                () ->
                    decide(
                        Optional.of(openCase(CaseKind.FRAUD, "1.00")),
                        List.of(),
                        Decision.CLEARED,
                        "ana",
                        "  ",
                        null))
            .getMessage()
            .startsWith("Invalid --reason"));
  }

  @Test
  void aLimitIsForCareCasesAndNeedsAPositiveAmountInCents() {
    assertThrows(
        DecisionRefused.class,
        () ->
            decide(
                Optional.of(openCase(CaseKind.FRAUD, "0.00")),
                List.of(),
                Decision.LIMIT,
                "ana",
                "r",
                new BigDecimal("20")));
    assertThrows(
        DecisionRefused.class,
        () ->
            decide(
                Optional.of(openCase(CaseKind.CARE, "0.00")),
                List.of(),
                Decision.LIMIT,
                "ana",
                "r",
                null));
    assertThrows(
        DecisionRefused.class,
        () ->
            decide(
                Optional.of(openCase(CaseKind.CARE, "0.00")),
                List.of(),
                Decision.LIMIT,
                "ana",
                "r",
                new BigDecimal("20.001")));
    assertThrows(
        DecisionRefused.class,
        () ->
            decide(
                Optional.of(openCase(CaseKind.CARE, "0.00")),
                List.of(),
                Decision.CLEARED,
                "ana",
                "r",
                new BigDecimal("20")));
    DecisionDesk.Outcome o =
        decide(
            Optional.of(openCase(CaseKind.CARE, "0.00")),
            List.of(),
            Decision.LIMIT,
            "ana",
            "r",
            new BigDecimal("20"));
    assertEquals(new BigDecimal("20.00"), o.decision().dailyLimitUsd());
  }

  @Test
  void decisionWordsAreParsedOrRefused() {
    assertEquals(Decision.CONFIRMED, Decision.parse(" Confirmed "));
    assertTrue(
        assertThrows(DecisionRefused.class, () -> Decision.parse("banned"))
            .getMessage()
            .contains("'banned'"));
  }
}
