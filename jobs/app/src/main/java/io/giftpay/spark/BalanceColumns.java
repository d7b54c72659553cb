package io.giftpay.spark;

/**
 * Column names of a creator's balance. The cumulative columns obey the books' identity {@code
 * credited = pending + available + held + paid + forfeited}; the {@code *_today} ones are night D.
 * Pending is policy v2's clearing (always 0 under v1).
 */
public final class BalanceColumns {
  public static final String CREATOR_ID = "creator_id";
  public static final String CREDITED = "credited_diamonds";
  public static final String PENDING = "pending_diamonds";
  public static final String AVAILABLE = "available_diamonds";
  public static final String HELD = "held_diamonds";
  public static final String PAID = "paid_diamonds";
  public static final String FORFEITED = "forfeited_diamonds";
  public static final String CREDITED_TODAY = "credited_today_diamonds";
  public static final String GIFTS_TODAY = "gifts_today";
  public static final String PAID_TODAY = "paid_today_diamonds";
  public static final String STATUS = "status";

  /** The state carried from one night to the next. */
  public static final String[] CARRIED = {
    CREATOR_ID, CREDITED, PENDING, AVAILABLE, HELD, PAID, FORFEITED
  };

  private BalanceColumns() {}
}
