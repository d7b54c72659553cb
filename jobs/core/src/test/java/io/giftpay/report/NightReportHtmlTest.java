package io.giftpay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.report.NightReport.Amount;
import io.giftpay.report.NightReport.Band;
import io.giftpay.report.NightReport.Books;
import io.giftpay.report.NightReport.Count;
import io.giftpay.report.NightReport.CurrencyPayouts;
import io.giftpay.report.NightReport.TrendPoint;
import io.giftpay.review.CaseKind;
import io.giftpay.review.CaseStatus;
import io.giftpay.review.CaseSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NightReportHtmlTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 2);
  private static final BigDecimal VALUE = new BigDecimal("0.005");
  private static final String NASTY = "<script>alert('x')</script>&\"";

  @Test
  void everySectionAndItsFiguresArePresent() {
    String html = NightReportHtml.render(sample());
    for (String section :
        List.of("books", "payouts", "quarantine", "flags", "trend", "review", "dependency")) {
      assertTrue(html.contains("<section id=\"" + section + "\">"), () -> "no section " + section);
    }
    Map<String, String> figures = figures(html);
    assertEquals("2026-11-02", figures.get("night"));
    assertEquals("150.00", figures.get("paid-usd"));
    assertEquals("30000", figures.get("paid-diamonds"));
    assertEquals("0.015", figures.get("held-usd"), "half cents are printed exactly, never rounded");
    assertEquals("2", figures.get("negative-creators"));
    assertEquals("-1.50", figures.get("negative-usd"));
    assertEquals("3", figures.get("payouts-count:EUR"));
    assertEquals("92.120", figures.get("payouts-amount:EUR"));
    assertEquals("4", figures.get("payouts-count"));
    assertEquals("150.00", figures.get("payouts-usd"));
    assertEquals("7", figures.get("quarantine:BAD_VALUE"));
    assertEquals("5", figures.get("flags:isolation-forest@m1"));
    assertEquals("5", figures.get("flags-model"));
    assertEquals("2", figures.get("flags-rules"));
    assertEquals("1", figures.get("backlog:0-1"));
    assertEquals("1", figures.get("backlog:15+"));
    assertEquals("12", figures.get("band-creators:high"));
    assertEquals("2", figures.get("trend-nights"));
    assertTrue(html.contains("data-chart=\"model-scores\""));
    assertTrue(html.contains("data-chart=\"paid-held-usd\""));
  }

  @Test
  void upstreamStringsAreEscaped() {
    String html = NightReportHtml.render(sample());
    assertFalse(html.contains("<script"), "an account id must not become markup");
    assertFalse(html.contains("alert('x')"));
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"));
    assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;", Html.escape(NASTY));
  }

  @Test
  void nothingReachesOutsideThePage() {
    String html = NightReportHtml.render(sample()).toLowerCase(Locale.ROOT);
    for (String outward :
        List.of("http", "<script", "src=", "href", "url(", "@import", "<link", "<iframe", "<img")) {
      assertFalse(html.contains(outward), () -> "the page contains " + outward);
    }
  }

  @Test
  void barLengthsAreProportionalToTheValues() {
    String html = NightReportHtml.render(sample());
    List<double[]> bars = shapes(chart(html, "quarantine"), "bar", "width");
    assertEquals(3, bars.size());
    double max = bars.stream().mapToDouble(b -> b[0]).max().orElseThrow();
    for (double[] bar : bars) {
      // the biggest bar is the full length, the others in proportion to their value
      assertEquals(bar[0] / max * SvgCharts.BAR_MAX_WIDTH, bar[1], 0.01, "value " + bar[0]);
    }
    assertEquals(SvgCharts.BAR_MAX_WIDTH * 3.0 / 7, bars.get(1)[1], 0.01);
  }

  @Test
  void histogramHeightsAreProportionalToTheCounts() {
    String html = NightReportHtml.render(sample());
    List<double[]> bins = shapes(chart(html, "model-scores"), "bin", "height");
    assertEquals(3, bins.size(), "0.60, 0.65 (empty), 0.70");
    assertEquals(List.of(4.0, 0.0, 1.0), bins.stream().map(b -> b[0]).toList());
    assertEquals(SvgCharts.HISTOGRAM_PLOT_HEIGHT, bins.get(0)[1], 0.01);
    assertEquals(0, bins.get(1)[1], 0.01);
    assertEquals(SvgCharts.HISTOGRAM_PLOT_HEIGHT / 4.0, bins.get(2)[1], 0.01);
  }

  @Test
  void emptyDataRendersNoneNotABrokenChart() {
    Amount zero = Amount.of(0, VALUE);
    NightReport empty =
        new NightReport(
            D,
            1,
            VALUE,
            new Books(zero, zero, zero, zero, zero, zero, zero, 0, zero),
            List.of(),
            List.of(),
            List.of(),
            0,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            ReviewBacklog.byAge(List.of()),
            List.of());
    String html = NightReportHtml.render(empty);
    assertFalse(html.contains("<svg"), "no chart without data");
    assertFalse(html.contains("NaN") || html.contains("Infinity"));
    Map<String, String> figures = figures(html);
    for (String none :
        List.of(
            "payouts",
            "quarantine",
            "flags",
            "model-scores",
            "trend",
            "open-cases",
            "backlog",
            "reviews",
            "dependency")) {
      assertEquals("none", figures.get(none + "-none"), () -> "no 'none' for " + none);
    }
    assertEquals("0.00", figures.get("paid-usd"));
  }

  @Test
  void allZeroBarsHaveNoLength() {
    String svg = SvgCharts.bars("zeros", List.of(new SvgCharts.Bar("a", BigDecimal.ZERO, "0")));
    assertTrue(svg.contains("width=\"0.00\""));
    assertFalse(svg.contains("NaN"));
  }

  static NightReport sample() {
    Books books =
        new Books(
            Amount.of(50_000, VALUE),
            Amount.of(30_000, VALUE),
            Amount.of(4_000, VALUE),
            Amount.of(3, VALUE),
            Amount.of(1_000, VALUE),
            Amount.of(200, VALUE),
            Amount.of(19_797, VALUE),
            2,
            Amount.of(-300, VALUE));
    List<CurrencyPayouts> payouts =
        List.of(
            new CurrencyPayouts("EUR", 3, new BigDecimal("92.120"), new BigDecimal("100.00")),
            new CurrencyPayouts("USD", 1, new BigDecimal("50.000"), new BigDecimal("50.00")));
    List<CaseSummary> cases =
        List.of(
            new CaseSummary(
                "case-01",
                NASTY,
                "sender",
                CaseKind.FRAUD,
                List.of("isolation-forest@m1"),
                0.71,
                400,
                new BigDecimal("2.000"),
                D,
                D,
                0,
                CaseStatus.OPEN),
            new CaseSummary(
                "case-02",
                "creator-9",
                "creator",
                CaseKind.CARE,
                List.of("overspend@v1"),
                null,
                0,
                BigDecimal.ZERO,
                D.minusDays(20),
                D,
                20,
                CaseStatus.OPEN));
    return new NightReport(
        D,
        1,
        VALUE,
        books,
        payouts,
        List.of(
            new Count("BAD_VALUE", 7), new Count("MISSING_FIELD", 3), new Count("UNKNOWN_GIFT", 1)),
        List.of(new Count("isolation-forest@m1", 5), new Count("ring@v1", 2)),
        5,
        ScoreBins.of(Map.of(12, 4L, 14, 1L)),
        List.of(new Count("cleared", 1)),
        List.of(
            new TrendPoint(D.minusDays(1), new BigDecimal("80.00"), new BigDecimal("1.500")),
            new TrendPoint(D, new BigDecimal("150.00"), new BigDecimal("0.015"))),
        ReviewBacklog.biggestOpen(cases, 10),
        ReviewBacklog.byAge(cases),
        List.of(
            new Band("low", 20, new BigDecimal("900.00")),
            new Band("high", 12, new BigDecimal("40.50"))));
  }

  /** Every data-figure in the page, name to text. */
  static Map<String, String> figures(String html) {
    Map<String, String> figures = new LinkedHashMap<>();
    Matcher m = Pattern.compile("data-figure=\"([^\"]+)\">([^<]*)<").matcher(html);
    while (m.find()) {
      figures.put(m.group(1), m.group(2));
    }
    return figures;
  }

  private static String chart(String html, String name) {
    int start = html.indexOf("data-chart=\"" + name + "\"");
    assertTrue(start > 0, () -> "no chart " + name);
    return html.substring(start, html.indexOf("</svg>", start));
  }

  /** (data-value, size attribute) of each rect of a class. */
  private static List<double[]> shapes(String svg, String cssClass, String size) {
    List<double[]> result = new ArrayList<>();
    Matcher m =
        Pattern.compile(
                "<rect class=\""
                    + cssClass
                    + "\"[^>]*?data-value=\"([^\"]+)\"[^>]*? "
                    + size
                    + "=\"([^\"]+)\"")
            .matcher(svg);
    while (m.find()) {
      result.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
    }
    return result;
  }
}
