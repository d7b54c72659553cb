package io.giftpay.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayoutCalculatorTest {
  private static final LocalDate D = LocalDate.of(2025, 6, 15);
  private static final LocalDate ADULT = LocalDate.of(1990, 1, 1);
  private static final PayoutCalculator DEFAULTS = new PayoutCalculator(PayoutPolicy.defaults());

  /** A creator who passes every check, paid in USD without an fx row. */
  private static PayoutRequest usd(long availableDiamonds) {
    return new PayoutRequest("c1", D, availableDiamonds, false, true, ADULT, "USD", "bank", null);
  }

  private static PayoutRequest in(String currency, String rate, long availableDiamonds) {
    return new PayoutRequest(
        "c1",
        D,
        availableDiamonds,
        false,
        true,
        ADULT,
        currency,
        "bank",
        rate == null ? null : new BigDecimal(rate));
  }

  private static PayoutCalculator withValue(String diamondValueUsd) {
    PayoutPolicy d = PayoutPolicy.defaults();
    return new PayoutCalculator(
        new PayoutPolicy(
            1, 1, new BigDecimal(diamondValueUsd), d.minimumPayoutUsd(), d.dailyCapUsd(), 30));
  }

  @Test
  void paysWholeCentsAndKeepsTheDiamondsOfAFractionalCent() {
    PayoutDecision decision = DEFAULTS.decide(usd(20001)); // 100.005 USD
    assertEquals(BalanceStatus.PAID, decision.status());
    assertTrue(decision.paid());
    assertEquals(new BigDecimal("100.00"), decision.amountUsd());
    assertEquals(20000L, decision.paidDiamonds());
    assertEquals(1L, 20001 - decision.paidDiamonds());
    assertFalse(decision.capped());
  }

  @Test
  void minimumIsInclusive() {
    PayoutDecision exactly = DEFAULTS.decide(usd(20000)); // 100.00
    assertEquals(BalanceStatus.PAID, exactly.status());
    assertEquals(new BigDecimal("100.00"), exactly.amountUsd());
    assertEquals(20000L, exactly.paidDiamonds());

    PayoutDecision halfCentShort = DEFAULTS.decide(usd(19999)); // 99.995
    assertEquals(BalanceStatus.BELOW_MINIMUM, halfCentShort.status());
    assertEquals(0L, halfCentShort.paidDiamonds());
  }

  @Test
  void zeroBalanceIsBelowMinimum() {
    assertEquals(BalanceStatus.BELOW_MINIMUM, DEFAULTS.decide(usd(0)).status());
  }

  @Test
  void zeroBalanceIsBelowMinimumEvenWithAZeroMinimum() {
    PayoutCalculator noMinimum =
        new PayoutCalculator(
            new PayoutPolicy(
                1, 1, new BigDecimal("0.005"), BigDecimal.ZERO, new BigDecimal("1000"), 30));
    assertEquals(BalanceStatus.BELOW_MINIMUM, noMinimum.decide(usd(0)).status());
    // half a cent is not a payable amount either
    assertEquals(BalanceStatus.BELOW_MINIMUM, noMinimum.decide(usd(1)).status());
    PayoutDecision oneCent = noMinimum.decide(usd(2));
    assertEquals(new BigDecimal("0.01"), oneCent.amountUsd());
    assertEquals(2L, oneCent.paidDiamonds());
  }

  @Test
  void capLimitsTheDayAndTheRestCarries() {
    PayoutDecision decision = DEFAULTS.decide(usd(250_000)); // 1250.00
    assertEquals(BalanceStatus.PAID, decision.status());
    assertEquals(new BigDecimal("1000.00"), decision.amountUsd());
    assertEquals(200_000L, decision.paidDiamonds());
    assertTrue(decision.capped());
    assertEquals(50_000L, 250_000 - decision.paidDiamonds());
  }

  @Test
  void exactlyTheCapIsNotCapped() {
    PayoutDecision exactly = DEFAULTS.decide(usd(200_000));
    assertEquals(new BigDecimal("1000.00"), exactly.amountUsd());
    assertFalse(exactly.capped());

    // 1000.005: the half cent is kept by the whole-cent rule, not by the cap
    PayoutDecision halfCentOver = DEFAULTS.decide(usd(200_001));
    assertEquals(200_000L, halfCentOver.paidDiamonds());
    assertFalse(halfCentOver.capped());

    assertTrue(DEFAULTS.decide(usd(200_002)).capped());
  }

  @Test
  void quarterCentDiamonds() {
    PayoutCalculator calculator = withValue("0.0025");
    PayoutDecision decision = calculator.decide(usd(40_003)); // 100.0075
    assertEquals(new BigDecimal("100.00"), decision.amountUsd());
    assertEquals(40_000L, decision.paidDiamonds());

    assertEquals(BalanceStatus.BELOW_MINIMUM, calculator.decide(usd(39_999)).status());

    PayoutDecision capped = calculator.decide(usd(1_000_000));
    assertEquals(new BigDecimal("1000.00"), capped.amountUsd());
    assertEquals(400_000L, capped.paidDiamonds());
    assertTrue(capped.capped());
  }

  @Test
  void oneCentDiamonds() {
    PayoutCalculator calculator = withValue("0.01");
    PayoutDecision decision = calculator.decide(usd(12_345));
    assertEquals(new BigDecimal("123.45"), decision.amountUsd());
    assertEquals(12_345L, decision.paidDiamonds());

    assertEquals(BalanceStatus.BELOW_MINIMUM, calculator.decide(usd(9_999)).status());

    PayoutDecision capped = calculator.decide(usd(100_001));
    assertEquals(100_000L, capped.paidDiamonds());
    assertTrue(capped.capped());
  }

  @Test
  void usdWithoutAnFxRowUsesOne() {
    PayoutDecision decision = DEFAULTS.decide(usd(24_690));
    assertEquals(new BigDecimal("123.45"), decision.amountUsd());
    assertEquals(new BigDecimal("123.45"), decision.amountLocal());
    assertEquals(new BigDecimal("1.00000000"), decision.fxRate());
    assertEquals("USD", decision.currency());
  }

  @Test
  void fxRateIsReportedAtScaleEight() {
    PayoutDecision decision = DEFAULTS.decide(in("EUR", "0.92", 24_690)); // 123.45 USD
    assertEquals(new BigDecimal("0.92000000"), decision.fxRate());
    assertEquals(new BigDecimal("113.57"), decision.amountLocal()); // 113.574
  }

  @ParameterizedTest(name = "{0}: 123.45 USD x {1} = {2}")
  @CsvSource({
    "JPY, 151.37, 18687", // 18686.6265
    "KRW, 1380.55, 170429", // 170428.8975
    "KWD, 0.30712, 37.914", // 37.913964
    "BHD, 0.376, 46.417", // 46.4172
    "IDR, 16250.12345, 2006077.74", // 2006077.7399...
    "EUR, 0.92, 113.57"
  })
  void roundsToTheCurrencysMinorUnits(String currency, String rate, String expected) {
    PayoutDecision decision = DEFAULTS.decide(in(currency, rate, 24_690));
    assertEquals(new BigDecimal("123.45"), decision.amountUsd());
    assertEquals(new BigDecimal(expected), decision.amountLocal()); // equals checks the scale too
  }

  @ParameterizedTest(name = "{0}: {1} USD x {2} = {3}")
  @CsvSource({
    "JPY, 20100, 151, 15176", // 15175.5 -> up to even
    "JPY, 20100, 153, 15376", // 15376.5 -> down to even (HALF_UP would give 15377)
    "EUR, 20000, 0.92125, 92.12", // 92.125 -> down to even (HALF_UP would give 92.13)
    "EUR, 20000, 0.92135, 92.14", // 92.135 -> up to even
    "KWD, 20000, 0.307005, 30.700", // 30.7005 -> down to even
    "KWD, 20000, 0.307015, 30.702", // 30.7015 -> up to even
    "IDR, 20000, 16250.12345, 1625012.34" // 1625012.345 -> down to even
  })
  void tiesRoundHalfEven(String currency, long diamonds, String rate, String expected) {
    assertEquals(
        new BigDecimal(expected), DEFAULTS.decide(in(currency, rate, diamonds)).amountLocal());
  }

  @Test
  void paysOnTheEighteenthBirthdayNotTheDayBefore() {
    LocalDate born = D.minusYears(18);
    PayoutRequest onBirthday =
        new PayoutRequest("c1", D, 20_000, false, true, born, "USD", "bank", null);
    assertEquals(BalanceStatus.PAID, DEFAULTS.decide(onBirthday).status());

    PayoutRequest dayBefore =
        new PayoutRequest("c1", D.minusDays(1), 20_000, false, true, born, "USD", "bank", null);
    assertEquals(BalanceStatus.UNDERAGE, DEFAULTS.decide(dayBefore).status());
  }

  @Test
  void bornOnLeapDayIsPaidFromFirstOfMarch() {
    LocalDate born = LocalDate.of(2008, 2, 29); // 2026 is a common year
    PayoutRequest feb28 =
        new PayoutRequest(
            "c1", LocalDate.of(2026, 2, 28), 20_000, false, true, born, "USD", "bank", null);
    PayoutRequest mar1 =
        new PayoutRequest(
            "c1", LocalDate.of(2026, 3, 1), 20_000, false, true, born, "USD", "bank", null);
    assertEquals(BalanceStatus.UNDERAGE, DEFAULTS.decide(feb28).status());
    assertEquals(BalanceStatus.PAID, DEFAULTS.decide(mar1).status());
  }

  @Test
  void eachStatusInCheckOrder() {
    // Starts failing every check; fixing them one at a time must reveal the statuses in
    // BalanceStatus declaration order, proving the first failing check wins.
    List<BalanceStatus> seen = new ArrayList<>();
    PayoutRequest r = new PayoutRequest("c1", D, -5, true, null, null, null, null, null);
    seen.add(DEFAULTS.decide(r).status());
    r = new PayoutRequest("c1", D, -5, false, null, null, null, null, null);
    seen.add(DEFAULTS.decide(r).status());
    r = new PayoutRequest("c1", D, -5, false, true, null, null, null, null);
    seen.add(DEFAULTS.decide(r).status());
    r = new PayoutRequest("c1", D, -5, false, true, D.minusYears(17), null, null, null);
    seen.add(DEFAULTS.decide(r).status());
    r = new PayoutRequest("c1", D, -5, false, true, ADULT, "EUR", null, null);
    seen.add(DEFAULTS.decide(r).status());
    r = new PayoutRequest("c1", D, -5, false, true, ADULT, "EUR", "paypal", null);
    seen.add(DEFAULTS.decide(r).status());
    r = new PayoutRequest("c1", D, -5, false, true, ADULT, "EUR", "paypal", new BigDecimal("0.92"));
    seen.add(DEFAULTS.decide(r).status());
    r =
        new PayoutRequest(
            "c1", D, 19_999, false, true, ADULT, "EUR", "paypal", new BigDecimal("0.92"));
    seen.add(DEFAULTS.decide(r).status());
    r =
        new PayoutRequest(
            "c1", D, 20_000, false, true, ADULT, "EUR", "paypal", new BigDecimal("0.92"));
    seen.add(DEFAULTS.decide(r).status());

    List<BalanceStatus> expected =
        List.of(
            BalanceStatus.ON_HOLD,
            BalanceStatus.KYC_MISSING,
            BalanceStatus.AGE_UNKNOWN,
            BalanceStatus.UNDERAGE,
            BalanceStatus.PAYOUT_DETAILS_MISSING,
            BalanceStatus.NO_FX_RATE,
            BalanceStatus.NEGATIVE_BALANCE,
            BalanceStatus.BELOW_MINIMUM,
            BalanceStatus.PAID);
    assertEquals(expected, seen);
  }

  @Test
  void onHoldWinsEvenWithAPayableBalance() {
    PayoutRequest r = new PayoutRequest("c1", D, 20_000, true, true, ADULT, "USD", "bank", null);
    assertEquals(BalanceStatus.ON_HOLD, DEFAULTS.decide(r).status());
  }

  @Test
  void kycFalseAndUnknownAreBothMissing() {
    assertEquals(
        BalanceStatus.KYC_MISSING,
        DEFAULTS
            .decide(new PayoutRequest("c1", D, 20_000, false, false, ADULT, "USD", "bank", null))
            .status());
    assertEquals(
        BalanceStatus.KYC_MISSING,
        DEFAULTS
            .decide(new PayoutRequest("c1", D, 20_000, false, null, ADULT, "USD", "bank", null))
            .status());
  }

  @ParameterizedTest(name = "currency={0} method={1}")
  @CsvSource(
      value = {"NULL, bank", "'', bank", "'  ', bank", "USD, NULL", "USD, ''", "USD, ' '"},
      nullValues = "NULL")
  void blankOrMissingPayoutDetails(String currency, String method) {
    PayoutRequest r =
        new PayoutRequest("c1", D, 20_000, false, true, ADULT, currency, method, null);
    assertEquals(BalanceStatus.PAYOUT_DETAILS_MISSING, DEFAULTS.decide(r).status());
  }

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource(
      value = {"EUR, NULL", "XXQ, 1.5", "XAU, 0.0004", "EUR, 0", "EUR, -0.92", "usd, NULL"},
      nullValues = "NULL")
  void noUsableFxRate(String currency, String rate) {
    PayoutDecision decision = DEFAULTS.decide(in(currency, rate, 20_000));
    assertEquals(BalanceStatus.NO_FX_RATE, decision.status());
  }

  @Test
  void negativeBalanceIsNotPaid() {
    assertEquals(BalanceStatus.NEGATIVE_BALANCE, DEFAULTS.decide(usd(-1)).status());
  }

  @Test
  void notPaidDecisionEchoesDetailsAndCarriesNoAmounts() {
    PayoutRequest r =
        new PayoutRequest(
            "c9", D, 500_000, false, false, ADULT, "JPY", "paypal", new BigDecimal("151"));
    PayoutDecision decision = DEFAULTS.decide(r);
    assertEquals(BalanceStatus.KYC_MISSING, decision.status());
    assertFalse(decision.paid());
    assertEquals("c9", decision.creatorId());
    assertEquals("JPY", decision.currency());
    assertEquals("paypal", decision.payoutMethod());
    assertEquals(0L, decision.paidDiamonds());
    assertNull(decision.amountUsd());
    assertNull(decision.amountLocal());
    assertNull(decision.fxRate());
    assertNull(decision.payoutId());
    assertFalse(decision.capped());
  }

  @Test
  void sameRequestGivesTheSameDecisionAndPayoutId() {
    PayoutRequest r = in("EUR", "0.92", 123_456);
    PayoutDecision first = DEFAULTS.decide(r);
    PayoutDecision again = new PayoutCalculator(PayoutPolicy.defaults()).decide(r);
    assertEquals(first, again);
    assertEquals(PayoutIds.of("c1", D), first.payoutId());
    assertEquals("bank", first.payoutMethod());
  }

  @Test
  void calculatorAndDecisionSurviveJavaSerialization() throws Exception {
    PayoutRequest r = in("KWD", "0.30712", 24_690);
    PayoutCalculator copy = roundTrip(DEFAULTS);
    PayoutDecision decision = copy.decide(roundTrip(r));
    assertEquals(DEFAULTS.decide(r), decision);
    assertEquals(decision, roundTrip(decision));
  }

  @Test
  void requestRefusesMissingKeysAndOverPreciseRates() {
    IllegalArgumentException blank =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PayoutRequest(" ", D, 1, false, true, ADULT, "USD", "bank", null));
    assertEquals("Invalid creator_id: ' ' (required)", blank.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new PayoutRequest("c1", null, 1, false, true, ADULT, "USD", "bank", null));
    IllegalArgumentException rate =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new PayoutRequest(
                    "c1", D, 1, false, true, ADULT, "EUR", "bank", new BigDecimal("0.923456789")));
    assertEquals("Invalid units_per_usd: 0.923456789 (more than 8 decimals)", rate.getMessage());
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
