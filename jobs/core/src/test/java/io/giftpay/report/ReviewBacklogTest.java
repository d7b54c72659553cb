package io.giftpay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.giftpay.review.CaseKind;
import io.giftpay.review.CaseStatus;
import io.giftpay.review.CaseSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewBacklogTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 20);

  @Test
  void openCasesFallIntoTheirAgeBuckets() {
    List<CaseSummary> cases =
        List.of(
            open("a", 0, "1"),
            open("b", 1, "1"),
            open("c", 3, "1"),
            open("d", 4, "1"),
            open("e", 7, "1"),
            open("f", 14, "1"),
            open("g", 15, "1"),
            open("h", 90, "1"),
            decided("i", 2));
    assertEquals(
        List.of(
            new NightReport.Count("0-1", 2),
            new NightReport.Count("2-3", 1),
            new NightReport.Count("4-7", 2),
            new NightReport.Count("8-14", 1),
            new NightReport.Count("15+", 2)),
        ReviewBacklog.byAge(cases));
  }

  @Test
  void biggestOpenCasesComeFirstAndDecidedOnesAreLeftOut() {
    List<CaseSummary> cases =
        List.of(
            open("small", 1, "0.50"),
            decided("decided", 1),
            open("big", 2, "12.005"),
            open("mid", 3, "3"));
    assertEquals(
        List.of("big", "mid"),
        ReviewBacklog.biggestOpen(cases, 2).stream().map(CaseSummary::caseId).toList());
  }

  @Test
  void scoreBinsSpanTheLowestToTheHighestScore() {
    assertEquals(List.of(), ScoreBins.of(Map.of()));
    assertEquals(13, ScoreBins.binOf(0.65));
    assertEquals(12, ScoreBins.binOf(0.6499));
    List<NightReport.ScoreBin> bins = ScoreBins.of(Map.of(11, 2L, 14, 3L));
    assertEquals(List.of(2L, 0L, 0L, 3L), bins.stream().map(NightReport.ScoreBin::count).toList());
    assertEquals(0.55, bins.get(0).from(), 1e-12);
    assertEquals(0.75, bins.get(3).to(), 1e-12);
  }

  private static CaseSummary open(String id, int age, String usd) {
    return new CaseSummary(
        id,
        "acct-" + id,
        "sender",
        CaseKind.FRAUD,
        List.of("r@v1"),
        null,
        0,
        new BigDecimal(usd),
        D.minusDays(age),
        D,
        age,
        CaseStatus.OPEN);
  }

  private static CaseSummary decided(String id, int age) {
    return new CaseSummary(
        id,
        "acct-" + id,
        "creator",
        CaseKind.CARE,
        List.of("r@v1"),
        null,
        0,
        new BigDecimal("99"),
        D.minusDays(age),
        D,
        age,
        CaseStatus.DECIDED);
  }
}
