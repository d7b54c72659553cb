package io.giftpay.review;

import org.apache.spark.sql.types.StructType;

/**
 * The review state a night keeps for the next (under {@code _giftpay/review/}): the case book, one
 * row per case, open or decided; the diamonds each open case holds at each creator; and the rules a
 * cleared case keeps quiet on its account.
 */
public final class CaseBookSchema {
  public static final StructType CASES =
      StructType.fromDDL(
          "case_id string, account_id string, role string, kind string, sources array<string>, model_score double, "
              + "held_diamonds bigint, first_flagged date, last_flagged date, status string, decision string, decided_on date");

  /**
   * Diamonds held at {@code creator_id} because of the case: what a decision releases or forfeits
   * there.
   */
  public static final StructType CASE_HOLDS =
      StructType.fromDDL("case_id string, creator_id string, diamonds bigint");

  /**
   * Rule ({@code source} before its {@code @}) kept quiet on an account until a night, unless
   * evidence grows.
   */
  public static final StructType SUPPRESSIONS =
      StructType.fromDDL(
          "account_id string, role string, rule string, until date, evidence string");

  public static final String OPEN = CaseStatus.OPEN.word();
  public static final String DECIDED = CaseStatus.DECIDED.word();

  private CaseBookSchema() {}

  /** "card-testing@v3" -> "card-testing"; "isolation-forest@if-…" -> "isolation-forest". */
  public static String ruleOf(String source) {
    int at = source.indexOf('@');
    return at < 0 ? source : source.substring(0, at);
  }
}
