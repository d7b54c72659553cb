package io.giftpay.review;

/**
 * What a case is about. {@code FRAUD}: fraud rules, the anomaly model, reversals, money at risk.
 * {@code CARE}: overspending and underage spending, the viewer's own wellbeing.
 */
public enum CaseKind {
  FRAUD,
  CARE;

  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
