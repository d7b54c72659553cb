package io.giftpay.report;

import java.math.BigDecimal;

/** HTML escaping and the report's number formats. */
final class Html {
  private Html() {}

  /** Escapes text for an element or a quoted attribute; every upstream string goes through here. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * USD exactly: at least two decimals, more only when the value has them (a diamond is worth half
   * a cent), never rounded.
   */
  static String usd(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
  }

  /** A currency amount as published (its own minor units). */
  static String amount(BigDecimal value) {
    return value.toPlainString();
  }
}
