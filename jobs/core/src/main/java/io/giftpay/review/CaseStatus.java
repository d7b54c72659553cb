package io.giftpay.review;

/** {@code OPEN}: waiting for a reviewer; {@code DECIDED}: a decision answered it. */
public enum CaseStatus {
  OPEN,
  DECIDED;

  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
