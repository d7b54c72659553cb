package io.giftpay.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG (no script, no namespace URL: HTML5 parsers place {@code <svg>}
 * in the SVG namespace themselves). Geometry is double; the values shown in text are the exact
 * figures passed in.
 */
final class SvgCharts {
  static final int BAR_LABEL_WIDTH = 190;
  static final int BAR_MAX_WIDTH = 250;
  static final int BAR_ROW = 22;
  static final int HISTOGRAM_PLOT_HEIGHT = 170;

  /**
   * One horizontal bar: a label, the value its length is proportional to, the text beside it, and
   * the data-figure name of that text (null for none).
   */
  record Bar(String label, BigDecimal value, String text, String figure) {
    Bar(String label, BigDecimal value, String text) {
      this(label, value, text, null);
    }
  }

  /** One line of the trend chart. */
  record Series(String name, String cssClass, List<LocalDate> nights, List<BigDecimal> values) {}

  private SvgCharts() {}

  /** Horizontal bars, longest for the largest value; lengths proportional to the values. */
  static String bars(String chart, List<Bar> bars) {
    BigDecimal max = bars.stream().map(Bar::value).reduce(BigDecimal.ZERO, BigDecimal::max);
    int width = BAR_LABEL_WIDTH + BAR_MAX_WIDTH + 110;
    int height = 10 + bars.size() * BAR_ROW;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"chart bars\" data-chart=\"")
        .append(Html.escape(chart))
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(chart))
        .append("\">\n");
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = 6 + i * BAR_ROW;
      double length =
          max.signum() == 0
              ? 0
              : bar.value().divide(max, MathContext.DECIMAL64).doubleValue() * BAR_MAX_WIDTH;
      svg.append("<text class=\"label\" x=\"")
          .append(BAR_LABEL_WIDTH - 8)
          .append("\" y=\"")
          .append(y + 12)
          .append("\" text-anchor=\"end\">")
          .append(Html.escape(shorten(bar.label(), 28)))
          .append("<title>")
          .append(Html.escape(bar.label()))
          .append("</title></text>");
      svg.append("<rect class=\"bar\" data-label=\"")
          .append(Html.escape(bar.label()))
          .append("\" data-value=\"")
          .append(bar.value().toPlainString())
          .append("\" x=\"")
          .append(BAR_LABEL_WIDTH)
          .append("\" y=\"")
          .append(y + 2)
          .append("\" width=\"")
          .append(number(length))
          .append("\" height=\"14\" rx=\"2\"></rect>");
      svg.append("<text class=\"value\" x=\"")
          .append(number(BAR_LABEL_WIDTH + length + 6))
          .append("\" y=\"")
          .append(y + 12)
          .append(bar.figure() == null ? "" : "\" data-figure=\"" + Html.escape(bar.figure()))
          .append("\">")
          .append(Html.escape(bar.text()))
          .append("</text>\n");
    }
    return svg.append("</svg>").toString();
  }

  /** A histogram of the model's scores: one column per bin, heights proportional to the counts. */
  static String histogram(List<NightReport.ScoreBin> bins) {
    int width = 560;
    int left = 48;
    int right = width - 12;
    int top = 14;
    int bottom = top + HISTOGRAM_PLOT_HEIGHT;
    long max = bins.stream().mapToLong(NightReport.ScoreBin::count).max().orElse(0);
    double slot = (double) (right - left) / bins.size();
    int every = Math.max(1, (int) Math.ceil(bins.size() / 8.0));
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"chart histogram\" data-chart=\"model-scores\" viewBox=\"0 0 ")
        .append(width)
        .append(" 220\" width=\"")
        .append(width)
        .append("\" height=\"220\" role=\"img\" aria-label=\"model scores\">\n");
    svg.append(axisLine(left, top, left, bottom)).append(axisLine(left, bottom, right, bottom));
    svg.append(text("tick", left - 6, top + 4, "end", Long.toString(max)));
    svg.append(text("tick", left - 6, bottom + 4, "end", "0"));
    for (int i = 0; i < bins.size(); i++) {
      NightReport.ScoreBin bin = bins.get(i);
      double h = max == 0 ? 0 : (double) bin.count() / max * HISTOGRAM_PLOT_HEIGHT;
      double x = left + i * slot + slot * 0.08;
      svg.append("<rect class=\"bin\" data-label=\"")
          .append(score(bin.from()))
          .append("\" data-value=\"")
          .append(bin.count())
          .append("\" x=\"")
          .append(number(x))
          .append("\" y=\"")
          .append(number(bottom - h))
          .append("\" width=\"")
          .append(number(slot * 0.84))
          .append("\" height=\"")
          .append(number(h))
          .append("\"><title>")
          .append(score(bin.from()))
          .append("–")
          .append(score(bin.to()))
          .append(": ")
          .append(bin.count())
          .append("</title></rect>");
      if (bin.count() > 0) {
        svg.append(
            text("value", x + slot * 0.42, bottom - h - 4, "middle", Long.toString(bin.count())));
      }
      if (i % every == 0) {
        svg.append(text("tick", left + i * slot, bottom + 16, "middle", score(bin.from())));
      }
    }
    svg.append(text("tick", right, bottom + 16, "middle", score(bins.get(bins.size() - 1).to())));
    svg.append(text("axis-title", (left + right) / 2.0, bottom + 32, "middle", "anomaly score"));
    return svg.append("\n</svg>").toString();
  }

  /**
   * Lines over the nights {@code first..last}, one point per night present; a shared y axis from 0.
   */
  static String lines(String chart, LocalDate first, LocalDate last, List<Series> series) {
    int width = 1040;
    int height = 280;
    int left = 92;
    int right = width - 20;
    int top = 30;
    int bottom = height - 40;
    long days = Math.max(1, last.toEpochDay() - first.toEpochDay());
    BigDecimal max =
        series.stream().flatMap(s -> s.values().stream()).reduce(BigDecimal.ZERO, BigDecimal::max);
    double yMax = niceCeiling(max.doubleValue());
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"chart lines\" data-chart=\"")
        .append(Html.escape(chart))
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(chart))
        .append("\">\n");
    for (int t = 0; t <= 4; t++) {
      double y = bottom - (bottom - top) * t / 4.0;
      svg.append("<line class=\"grid\" x1=\"")
          .append(left)
          .append("\" y1=\"")
          .append(number(y))
          .append("\" x2=\"")
          .append(right)
          .append("\" y2=\"")
          .append(number(y))
          .append("\"></line>");
      svg.append(text("tick", left - 8, y + 4, "end", "USD " + plain(yMax * t / 4)));
    }
    for (long d = 0; d <= days; d += 5) {
      double x = left + (right - left) * (double) d / days;
      svg.append(text("tick", x, bottom + 18, "middle", first.plusDays(d).toString().substring(5)));
    }
    if (days % 5 != 0) {
      svg.append(text("tick", right, bottom + 18, "middle", last.toString().substring(5)));
    }
    int legendX = left + 10;
    for (Series s : series) {
      StringBuilder points = new StringBuilder();
      StringBuilder dots = new StringBuilder();
      for (int i = 0; i < s.nights().size(); i++) {
        double x =
            left
                + (right - left)
                    * (double) (s.nights().get(i).toEpochDay() - first.toEpochDay())
                    / days;
        double y =
            bottom - (yMax == 0 ? 0 : s.values().get(i).doubleValue() / yMax * (bottom - top));
        points.append(i == 0 ? "" : " ").append(number(x)).append(',').append(number(y));
        dots.append("<circle class=\"")
            .append(s.cssClass())
            .append("\" cx=\"")
            .append(number(x))
            .append("\" cy=\"")
            .append(number(y))
            .append("\" r=\"3.5\"><title>")
            .append(s.nights().get(i))
            .append(' ')
            .append(Html.escape(s.name()))
            .append(": USD ")
            .append(Html.usd(s.values().get(i)))
            .append("</title></circle>");
      }
      svg.append("<polyline class=\"")
          .append(s.cssClass())
          .append("\" data-series=\"")
          .append(Html.escape(s.name()))
          .append("\" points=\"")
          .append(points)
          .append("\"></polyline>")
          .append(dots)
          .append('\n');
      svg.append("<rect class=\"")
          .append(s.cssClass())
          .append(" key\" x=\"")
          .append(legendX)
          .append("\" y=\"8\" width=\"14\" height=\"4\"></rect>");
      svg.append(text("legend", legendX + 20, 14, "start", s.name()));
      legendX += 40 + 8 * s.name().length();
    }
    return svg.append("</svg>").toString();
  }

  /**
   * The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k at or above {@code value} (1 for 0):
   * quarters read easily.
   */
  static double niceCeiling(double value) {
    if (value <= 0) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static String axisLine(int x1, int y1, int x2, int y2) {
    return "<line class=\"axis\" x1=\""
        + x1
        + "\" y1=\""
        + y1
        + "\" x2=\""
        + x2
        + "\" y2=\""
        + y2
        + "\"></line>";
  }

  private static String text(String cssClass, double x, double y, String anchor, String content) {
    return "<text class=\""
        + cssClass
        + "\" x=\""
        + number(x)
        + "\" y=\""
        + number(y)
        + "\" text-anchor=\""
        + anchor
        + "\">"
        + Html.escape(content)
        + "</text>";
  }

  static String number(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String plain(double value) {
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  private static String score(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String shorten(String label, int max) {
    return label.length() <= max ? label : label.substring(0, max - 1) + "…";
  }
}
