package io.giftpay.detection;

import io.giftpay.rules.DetectionRule;
import io.giftpay.rules.RuleFileException;

/**
 * Checks a condition's raw text before it is parsed. The parser drops comments, so a reviewer would
 * read SQL that never runs; a {@code ;} would start a second statement; and Spark's runtime parser
 * (not the one the check uses) replaces {@code ${...}} with session settings. None has a place in
 * one boolean over a row, so each is refused wherever it stands, quotes included.
 */
final class ConditionText {
  private ConditionText() {}

  static void check(DetectionRule rule) {
    String text = rule.condition();
    refuse(rule, text, "--", "comments ('--') are not allowed: they hide SQL from the reader");
    refuse(rule, text, "/*", "comments ('/* */') are not allowed: they hide SQL from the reader");
    refuse(rule, text, "*/", "comments ('/* */') are not allowed: they hide SQL from the reader");
    refuse(rule, text, ";", "';' is not allowed: a condition is one expression, not statements");
    refuse(rule, text, "${", "'${' is not allowed: Spark would replace it with a session setting");
  }

  private static void refuse(DetectionRule rule, String text, String token, String problem) {
    if (text.contains(token)) {
      throw new RuleFileException(rule.file(), "condition", problem);
    }
  }
}
