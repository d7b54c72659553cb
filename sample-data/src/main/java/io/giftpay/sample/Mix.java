package io.giftpay.sample;

/** Deterministic hashing helpers (SplitMix64 finalizer, a bijection on 64-bit values). */
final class Mix {
  static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Mix() {}

  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static long key(long seed, long a) {
    return mix64(mix64(seed ^ 0x5DEECE66DL) + a * GOLDEN);
  }

  static long key(long seed, long a, long b) {
    return mix64(key(seed, a) + b * GOLDEN);
  }

  static long key(long seed, long a, long b, long c) {
    return mix64(key(seed, a, b) + c * GOLDEN);
  }

  /** Uniform in [0, 1) from 53 bits of a hash. */
  static double unit(long h) {
    return (h >>> 11) * 0x1.0p-53;
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** The low {@code digits} hex digits of {@code v}, zero padded. */
  static String hex(long v, int digits) {
    char[] c = new char[digits];
    for (int i = digits - 1; i >= 0; i--) {
      c[i] = HEX[(int) (v & 15)];
      v >>>= 4;
    }
    return new String(c);
  }

  /** Binary search: the first index in [0, n) with cum[index] &gt; x (cum non-decreasing). */
  static int search(double[] cum, int n, double x) {
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cum[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Standard normal from a random source, Box-Muller with StrictMath (same value on every JVM). */
  static double gaussian(java.util.SplittableRandom r) {
    double u1 = 1.0 - r.nextDouble();
    double u2 = r.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }
}
