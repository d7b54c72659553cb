package io.giftpay.ledger;

import java.util.regex.Pattern;

/**
 * How the contract's CSV text must look for each type (section 2). The same patterns are used by
 * Spark ({@code rlike} uses java.util.regex) and by plain-Java checks, so a value is never accepted
 * by one and refused by the other.
 */
public final class ValueFormats {
  /**
   * ISO-8601 date-time with seconds and a mandatory {@code Z} or offset ({@code +02:00}, {@code
   * +0200} or {@code +02}); fractions of a second allowed; a space may stand for the T. A time
   * without a zone is refused: the contract's times are instants.
   */
  public static final String TIMESTAMP =
      "^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}(:?\\d{2})?)$";

  public static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";
  public static final String BOOLEAN = "^(?i)(true|false)$";
  public static final String WHOLE_NUMBER = "^[+-]?\\d+$";

  /** decimal(18,2): at most 16 digits before the dot and 2 after (more is not rounded away). */
  public static final String DECIMAL_18_2 = "^[+-]?\\d{1,16}(\\.\\d{1,2})?$";

  /** decimal(18,8): at most 10 digits before the dot and 8 after. */
  public static final String DECIMAL_18_8 = "^[+-]?\\d{1,10}(\\.\\d{1,8})?$";

  private ValueFormats() {}

  /** The pattern a column's text must match, or null for plain strings (anything goes). */
  public static String patternFor(ColumnType type) {
    return switch (type) {
      case STRING -> null;
      case TIMESTAMP -> TIMESTAMP;
      case DATE -> DATE;
      case BOOLEAN -> BOOLEAN;
      case INT, LONG -> WHOLE_NUMBER;
      case DECIMAL_18_2 -> DECIMAL_18_2;
      case DECIMAL_18_8 -> DECIMAL_18_8;
    };
  }

  public static boolean matches(ColumnType type, String text) {
    String pattern = patternFor(type);
    return pattern == null || Pattern.compile(pattern).matcher(text).matches();
  }
}
