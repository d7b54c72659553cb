package io.giftpay.rules;

import io.giftpay.review.CaseKind;
import java.io.Serializable;
import java.util.List;

/**
 * One detection rule as trust and safety wrote and reviewed it: a Spark SQL boolean condition over
 * one feature view, and what to do with the accounts it matches. Loaded from one file of {@code
 * rules/detection/}; {@code kind} says what a case it opens is about (fraud, or the viewer's own
 * wellbeing: care); {@code file} is where it came from, for every message about it.
 */
public record DetectionRule(
    String id,
    int version,
    String description,
    String owner,
    Scope scope,
    String view,
    Severity severity,
    Action action,
    String condition,
    List<String> evidence,
    CaseKind kind,
    String file)
    implements Serializable {

  public DetectionRule {
    evidence = List.copyOf(evidence);
  }

  /** The flags' {@code source}: rule id and version, e.g. {@code card-testing@v2}. */
  public String source() {
    return id + "@v" + version;
  }

  /** Which account a match flags. */
  public enum Scope {
    SENDER,
    CREATOR;

    public String role() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
  }

  /** {@code review}: a person looks; {@code hold}: the money stops until a person decides. */
  public enum Action {
    REVIEW,
    HOLD
  }
}
