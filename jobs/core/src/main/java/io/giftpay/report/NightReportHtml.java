package io.giftpay.report;

import static io.giftpay.report.Html.escape;
import static io.giftpay.report.Html.usd;

import io.giftpay.report.NightReport.Amount;
import io.giftpay.report.NightReport.Count;
import io.giftpay.review.CaseSummary;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The night report as one self-contained HTML5 page: inline CSS, inline SVG charts, no script and
 * no external reference of any kind, so it opens the same from a file, a mail attachment or an
 * archive. Every figure carries a stable {@code data-figure} name for tests and scrapers; list
 * figures are named {@code <figure>:<key>} (e.g. {@code payouts-count:EUR}).
 */
public final class NightReportHtml {
  /** Open cases the page lists. */
  public static final int BIGGEST_CASES = 10;

  private static final String CSS =
      """
      :root{--ink:#1f2933;--muted:#616e7c;--line:#e4e7eb;--paid:#2563eb;--held:#d97706;--bar:#3b6ea5;--bad:#b42318}
      *{box-sizing:border-box}
      body{margin:0;background:#f3f4f6;color:var(--ink);font:14px/1.45 "DejaVu Sans","Liberation Sans",Arial,sans-serif}
      main{max-width:1180px;margin:0 auto;padding:24px 28px 40px}
      header{display:flex;align-items:baseline;justify-content:space-between;border-bottom:3px solid var(--ink);padding-bottom:10px;margin-bottom:18px}
      h1{font-size:24px;margin:0}
      h1 .night{color:var(--paid)}
      header p{margin:0;color:var(--muted)}
      .tiles{display:grid;grid-template-columns:repeat(6,1fr);gap:12px;margin-bottom:18px}
      .tile{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 12px}
      .tile .k{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
      .tile .v{font-size:18px;font-weight:bold;font-variant-numeric:tabular-nums;white-space:nowrap}
      section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 18px 16px;margin-bottom:16px}
      h2{font-size:16px;margin:0 0 10px}
      h2 small{font-weight:normal;color:var(--muted);font-size:12px;margin-left:8px}
      .pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:22px;align-items:start}
      table{border-collapse:collapse;width:100%}
      th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
      th{color:var(--muted);font-weight:normal;font-size:12px;text-transform:uppercase;letter-spacing:.03em}
      td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
      tr.total td{font-weight:bold;border-top:2px solid var(--ink)}
      tr.negative td{color:var(--bad)}
      td.id{font-family:"DejaVu Sans Mono",monospace;font-size:12px}
      h2.sub{margin-top:14px}
      p.sum{margin:0 0 6px}
      .none{color:var(--muted);font-style:italic;margin:6px 0}
      .note{color:var(--muted);font-size:12px;margin:8px 0 0}
      svg.chart{max-width:100%;height:auto;display:block}
      svg text{font-size:12px;fill:var(--ink)}
      svg text.tick,svg text.axis-title{fill:var(--muted);font-size:11px}
      svg rect.bar{fill:var(--bar)}
      svg rect.bin{fill:#7c5cbf}
      svg line.axis{stroke:#9aa5b1}
      svg line.grid{stroke:var(--line)}
      svg polyline{fill:none;stroke-width:2.5}
      svg .paid{stroke:var(--paid);fill:var(--paid)}
      svg .held{stroke:var(--held);fill:var(--held)}
      svg polyline.paid,svg polyline.held{fill:none}
      footer{color:var(--muted);font-size:12px;text-align:center}
      """;

  private NightReportHtml() {}

  public static String render(NightReport report) {
    StringBuilder html = new StringBuilder(32_000);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Giftpay night report ")
        .append(report.night())
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<main>\n");
    header(report, html);
    tiles(report, html);
    books(report, html);
    payouts(report, html);
    quarantineAndFlags(report, html);
    trend(report, html);
    review(report, html);
    dependency(report, html);
    html.append("<footer>Giftpay night report for ")
        .append(report.night())
        .append(
            ". Read from the night's published tables after its checks passed; USD at the payout policy's diamond value.</footer>\n");
    return html.append("</main>\n</body>\n</html>\n").toString();
  }

  private static void header(NightReport r, StringBuilder html) {
    html.append("<header><h1>Giftpay night report <span class=\"night\" data-figure=\"night\">")
        .append(r.night())
        .append("</span></h1><p>payout policy v<span data-figure=\"policy-version\">")
        .append(r.policyVersion())
        .append("</span> · 1 diamond = USD <span data-figure=\"diamond-value-usd\">")
        .append(r.diamondValueUsd().toPlainString())
        .append("</span></p></header>\n");
  }

  private static void tiles(NightReport r, StringBuilder html) {
    long openCases = r.backlogByAge().stream().mapToLong(Count::count).sum();
    html.append("<div class=\"tiles\">");
    tile(html, "Paid", "USD " + usd(r.payoutsUsd()));
    tile(html, "Payouts", Long.toString(r.payoutsCount()));
    tile(html, "Held", "USD " + usd(r.books().held().usd()));
    tile(html, "Quarantined", Long.toString(r.quarantined()));
    tile(html, "Flags", Long.toString(r.flags()));
    tile(html, "Open cases", Long.toString(openCases));
    html.append("</div>\n");
  }

  private static void tile(StringBuilder html, String key, String value) {
    html.append("<div class=\"tile\"><div class=\"k\">")
        .append(escape(key))
        .append("</div><div class=\"v\">")
        .append(escape(value))
        .append("</div></div>");
  }

  private static void books(NightReport r, StringBuilder html) {
    NightReport.Books b = r.books();
    html.append(
            "<section id=\"books\"><h2>The books<small>diamonds and their USD value</small></h2>\n<table>\n")
        .append("<tr><th></th><th class=\"num\">diamonds</th><th class=\"num\">USD</th></tr>\n");
    bookLine(html, "credited", "Credited tonight", b.credited(), "");
    bookLine(html, "paid", "Paid tonight", b.paid(), "");
    bookLine(html, "pending", "Pending, not cleared yet (balance)", b.pending(), "");
    bookLine(html, "held", "Held for review (balance)", b.held(), "");
    bookLine(html, "released", "Released by review tonight", b.released(), "");
    bookLine(html, "forfeited", "Forfeited by review tonight", b.forfeited(), "");
    bookLine(html, "carried", "Carried to the next night", b.carried(), "");
    html.append(
            "<tr class=\"negative\"><td>Negative balances: <span data-figure=\"negative-creators\">")
        .append(b.negativeCreators())
        .append("</span> creators</td><td class=\"num\" data-figure=\"negative-diamonds\">")
        .append(b.negative().diamonds())
        .append("</td><td class=\"num\" data-figure=\"negative-usd\">")
        .append(usd(b.negative().usd()))
        .append("</td></tr>\n");
    html.append(
        "</table>\n<p class=\"note\">Per creator, credited = pending + available + held + paid + forfeited, checked before the night was published."
            + " Pending, held, carried and negative are balances after the night; the others are tonight's movements.</p></section>\n");
  }

  private static void bookLine(
      StringBuilder html, String name, String label, Amount amount, String cssClass) {
    html.append("<tr")
        .append(cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"")
        .append("><td>")
        .append(escape(label))
        .append("</td><td class=\"num\" data-figure=\"")
        .append(name)
        .append("-diamonds\">")
        .append(amount.diamonds())
        .append("</td><td class=\"num\" data-figure=\"")
        .append(name)
        .append("-usd\">")
        .append(usd(amount.usd()))
        .append("</td></tr>\n");
  }

  private static void payouts(NightReport r, StringBuilder html) {
    html.append("<section id=\"payouts\"><h2>Payouts by currency</h2>\n");
    if (r.payoutsByCurrency().isEmpty()) {
      html.append(none("payouts")).append("</section>\n");
      return;
    }
    html.append(
        "<div class=\"pair\"><table>\n<tr><th>currency</th><th class=\"num\">payouts</th><th class=\"num\">amount</th><th class=\"num\">USD</th></tr>\n");
    for (NightReport.CurrencyPayouts c : r.payoutsByCurrency()) {
      String key = escape(c.currency());
      html.append("<tr><td>")
          .append(key)
          .append("</td><td class=\"num\" data-figure=\"payouts-count:")
          .append(key)
          .append("\">")
          .append(c.payouts())
          .append("</td><td class=\"num\" data-figure=\"payouts-amount:")
          .append(key)
          .append("\">")
          .append(Html.amount(c.amount()))
          .append("</td><td class=\"num\" data-figure=\"payouts-usd:")
          .append(key)
          .append("\">")
          .append(usd(c.amountUsd()))
          .append("</td></tr>\n");
    }
    html.append("<tr class=\"total\"><td>all</td><td class=\"num\" data-figure=\"payouts-count\">")
        .append(r.payoutsCount())
        .append("</td><td></td><td class=\"num\" data-figure=\"payouts-usd\">")
        .append(usd(r.payoutsUsd()))
        .append("</td></tr>\n</table>\n");
    html.append(
        SvgCharts.bars(
            "payouts-usd-by-currency",
            r.payoutsByCurrency().stream()
                .map(
                    c ->
                        new SvgCharts.Bar(c.currency(), c.amountUsd(), "USD " + usd(c.amountUsd())))
                .toList()));
    html.append("</div></section>\n");
  }

  private static void quarantineAndFlags(NightReport r, StringBuilder html) {
    html.append("<div class=\"pair\">");
    html.append(
        "<section id=\"quarantine\"><h2>Quarantine by reason<small>input rows refused by the ledger contract</small></h2>\n");
    if (r.quarantineByReason().isEmpty()) {
      html.append(none("quarantine"));
    } else {
      html.append("<p class=\"sum\">rows quarantined: <b data-figure=\"quarantine-total\">")
          .append(r.quarantined())
          .append("</b></p>\n");
      html.append(countBars("quarantine", r.quarantineByReason(), ""));
    }
    html.append("</section>\n");
    html.append(
        "<section id=\"flags\"><h2>Flags by source<small>rules and the anomaly model</small></h2>\n");
    if (r.flagsBySource().isEmpty()) {
      html.append(none("flags"));
    } else {
      html.append("<p class=\"sum\">flags: <b data-figure=\"flags-total\">")
          .append(r.flags())
          .append("</b> · by rules: <b data-figure=\"flags-rules\">")
          .append(r.flags() - r.modelFlags())
          .append("</b> · by the model: <b data-figure=\"flags-model\">")
          .append(r.modelFlags())
          .append("</b></p>\n");
      html.append(countBars("flags", r.flagsBySource(), ""));
    }
    html.append(
        "<h2 class=\"sub\">The model's scores<small>flags raised by the anomaly model</small></h2>\n");
    html.append(
        r.modelScores().isEmpty() ? none("model-scores") : SvgCharts.histogram(r.modelScores()));
    html.append("</section></div>\n");
  }

  /** Counts as bars, each count's text under the data-figure {@code <figure>:<name>}. */
  private static String countBars(String figure, List<Count> counts, String labelSuffix) {
    return SvgCharts.bars(
        figure,
        counts.stream()
            .map(
                c ->
                    new SvgCharts.Bar(
                        c.name() + labelSuffix,
                        BigDecimal.valueOf(c.count()),
                        Long.toString(c.count()),
                        figure + ":" + c.name()))
            .toList());
  }

  private static void trend(NightReport r, StringBuilder html) {
    html.append("<section id=\"trend\"><h2>Paid and held USD, the 30 nights to ")
        .append(r.night())
        .append(
            "<small>paid: payouts of the night; held: balances held for review after it</small></h2>\n");
    if (r.trend().isEmpty()) {
      html.append(none("trend")).append("</section>\n");
      return;
    }
    List<java.time.LocalDate> nights =
        r.trend().stream().map(NightReport.TrendPoint::night).toList();
    html.append(
        SvgCharts.lines(
            "paid-held-usd",
            r.night().minusDays(29),
            r.night(),
            List.of(
                new SvgCharts.Series(
                    "paid USD",
                    "paid",
                    nights,
                    r.trend().stream().map(NightReport.TrendPoint::paidUsd).toList()),
                new SvgCharts.Series(
                    "held USD",
                    "held",
                    nights,
                    r.trend().stream().map(NightReport.TrendPoint::heldUsd).toList()))));
    html.append("<p class=\"note\"><span data-figure=\"trend-nights\">")
        .append(r.trend().size())
        .append("</span> nights in the warehouse in this window.</p></section>\n");
  }

  private static void review(NightReport r, StringBuilder html) {
    html.append(
        "<section id=\"review\"><h2>Review<small>the biggest open cases, the backlog by age, tonight's decisions</small></h2>\n");
    if (r.biggestOpenCases().isEmpty()) {
      html.append(none("open-cases"));
    } else {
      html.append(
          "<table>\n<tr><th>case</th><th>account</th><th>role</th><th>kind</th><th>sources</th><th class=\"num\">score</th>"
              + "<th class=\"num\">held diamonds</th><th class=\"num\">held USD</th><th>since</th><th class=\"num\">age</th></tr>\n");
      for (CaseSummary c : r.biggestOpenCases()) {
        String id = escape(c.caseId());
        html.append("<tr data-case=\"")
            .append(id)
            .append("\"><td class=\"id\">")
            .append(id)
            .append("</td><td class=\"id\" data-figure=\"case-account:")
            .append(id)
            .append("\">")
            .append(escape(c.accountId()))
            .append("</td><td>")
            .append(escape(c.role()))
            .append("</td><td>")
            .append(escape(c.kind().word()))
            .append("</td><td>")
            .append(escape(String.join(", ", c.sources())))
            .append("</td><td class=\"num\">")
            .append(
                c.modelScore() == null ? "" : String.format(Locale.ROOT, "%.3f", c.modelScore()))
            .append("</td><td class=\"num\">")
            .append(c.heldDiamonds())
            .append("</td><td class=\"num\" data-figure=\"case-usd-held:")
            .append(id)
            .append("\">")
            .append(usd(c.usdHeld()))
            .append("</td><td>")
            .append(c.firstFlagged())
            .append("</td><td class=\"num\">")
            .append(c.ageNights())
            .append("</td></tr>\n");
      }
      html.append("</table>\n");
    }
    html.append(
        "<div class=\"pair\"><div><h2 class=\"sub\">Open cases by age<small>nights since first flagged</small></h2>\n");
    long open = r.backlogByAge().stream().mapToLong(Count::count).sum();
    if (open == 0) {
      html.append(none("backlog"));
    } else {
      html.append("<p class=\"sum\">open cases: <b data-figure=\"backlog-total\">")
          .append(open)
          .append("</b></p>\n");
      html.append(
          SvgCharts.bars(
              "backlog",
              r.backlogByAge().stream()
                  .map(
                      c ->
                          new SvgCharts.Bar(
                              c.name() + " nights",
                              BigDecimal.valueOf(c.count()),
                              Long.toString(c.count()),
                              "backlog:" + c.name()))
                  .toList()));
    }
    html.append("</div><div><h2 class=\"sub\">Decisions applied tonight</h2>\n");
    if (r.reviewsByDecision().isEmpty()) {
      html.append(none("reviews"));
    } else {
      html.append("<table>\n<tr><th>decision</th><th class=\"num\">reviews</th></tr>\n");
      for (Count c : r.reviewsByDecision()) {
        html.append("<tr><td>")
            .append(escape(c.name()))
            .append("</td><td class=\"num\" data-figure=\"reviews:")
            .append(escape(c.name()))
            .append("\">")
            .append(c.count())
            .append("</td></tr>\n");
      }
      html.append("</table>\n");
    }
    html.append("</div></div></section>\n");
  }

  private static void dependency(NightReport r, StringBuilder html) {
    html.append(
        "<section id=\"dependency\"><h2>Creator dependency bands<small>how much a creator's last 30 nights rest on a few gifters</small></h2>\n");
    if (r.dependencyBands().isEmpty()) {
      html.append(none("dependency")).append("</section>\n");
      return;
    }
    html.append(
        "<div class=\"pair\"><table>\n<tr><th>band</th><th class=\"num\">creators</th><th class=\"num\">USD, 30 nights</th></tr>\n");
    for (NightReport.Band b : r.dependencyBands()) {
      String key = escape(b.band());
      html.append("<tr><td>")
          .append(key)
          .append("</td><td class=\"num\" data-figure=\"band-creators:")
          .append(key)
          .append("\">")
          .append(b.creators())
          .append("</td><td class=\"num\" data-figure=\"band-usd-30d:")
          .append(key)
          .append("\">")
          .append(usd(b.usd30d()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
    html.append(
        SvgCharts.bars(
            "dependency",
            r.dependencyBands().stream()
                .map(
                    b ->
                        new SvgCharts.Bar(
                            b.band(), BigDecimal.valueOf(b.creators()), b.creators() + " creators"))
                .toList()));
    html.append("</div></section>\n");
  }

  private static String none(String figure) {
    return "<p class=\"none\" data-figure=\"" + figure + "-none\">none</p>\n";
  }
}
