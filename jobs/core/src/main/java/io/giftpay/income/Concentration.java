package io.giftpay.income;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * How concentrated a creator's income is over its gifters: shares, the top-k share and the
 * Herfindahl-Hirschman index (the sum of the squared shares; 1 when one gifter gives everything,
 * 1/n when n gifters give equal amounts, so 1/HHI is the "effective number of gifters").
 *
 * <p>The index from amounts is computed as {@code sum(a²) / (sum a)²} with exact integers and one
 * final division, so the result does not depend on the order the amounts come in: a Spark sum of
 * double shares would, and the published table must be the same bytes every run.
 */
public final class Concentration {
  private Concentration() {}

  /** {@code part / total} as a ratio; 0 when the total is 0. */
  public static double share(long part, long total) {
    requireNonNegative("part", part);
    requireNonNegative("total", total);
    if (part > total) {
      throw new IllegalArgumentException(
          "Invalid share: part " + part + " is more than the total " + total);
    }
    return total == 0 ? 0.0 : (double) part / (double) total;
  }

  /** The Herfindahl index of shares that sum to 1: the sum of their squares. */
  public static double herfindahl(double... shares) {
    double sum = 0.0;
    for (double s : shares) {
      if (!(s >= 0.0 && s <= 1.0)) {
        throw new IllegalArgumentException(
            "Invalid share: '" + s + "' (a share is between 0 and 1)");
      }
      sum += s * s;
    }
    return sum;
  }

  /**
   * The Herfindahl index of gifters' amounts (diamonds), exact until the one division; 0 for no
   * amounts.
   */
  public static double herfindahl(long... amounts) {
    BigInteger total = BigInteger.ZERO;
    BigInteger squares = BigInteger.ZERO;
    for (long a : amounts) {
      requireNonNegative("amount", a);
      BigInteger v = BigInteger.valueOf(a);
      total = total.add(v);
      squares = squares.add(v.multiply(v));
    }
    if (total.signum() == 0) {
      return 0.0;
    }
    return squares.doubleValue() / total.multiply(total).doubleValue();
  }

  /** The sum of the {@code k} largest amounts (all of them when there are fewer). */
  public static long topSum(int k, long... amounts) {
    if (k < 1) {
      throw new IllegalArgumentException("Invalid k: '" + k + "' (at least 1)");
    }
    long[] sorted = amounts.clone();
    Arrays.sort(sorted);
    long sum = 0;
    for (int i = sorted.length - 1; i >= 0 && i >= sorted.length - k; i--) {
      requireNonNegative("amount", sorted[i]);
      sum = Math.addExact(sum, sorted[i]);
    }
    return sum;
  }

  /** The share of the total given by the {@code k} largest amounts; 0 for no amounts. */
  public static double topShare(int k, long... amounts) {
    long total = 0;
    for (long a : amounts) {
      requireNonNegative("amount", a);
      total = Math.addExact(total, a);
    }
    return share(topSum(k, amounts), total);
  }

  private static void requireNonNegative(String what, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(
          "Invalid " + what + ": '" + value + "' (must not be negative)");
    }
  }
}
