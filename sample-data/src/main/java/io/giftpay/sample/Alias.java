package io.giftpay.sample;

import java.util.SplittableRandom;

/** Walker/Vose alias table: O(1) sampling from a fixed discrete distribution, deterministic. */
final class Alias {
  private final double[] prob;
  private final int[] alias;

  Alias(double[] weights, int n) {
    prob = new double[n];
    alias = new int[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += weights[i];
    }
    int[] small = new int[n];
    int[] large = new int[n];
    int ns = 0;
    int nl = 0;
    double[] scaled = new double[n];
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / total;
      if (scaled[i] < 1.0) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      prob[s] = scaled[s];
      alias[s] = l;
      scaled[l] = (scaled[l] + scaled[s]) - 1.0;
      if (scaled[l] < 1.0) {
        small[ns++] = l;
      } else {
        large[nl++] = l;
      }
    }
    while (nl > 0) {
      int l = large[--nl];
      prob[l] = 1.0;
      alias[l] = l;
    }
    while (ns > 0) {
      int s = small[--ns];
      prob[s] = 1.0;
      alias[s] = s;
    }
  }

  /** A sample drawn from a 64-bit hash instead of a random source. */
  int sample(long h) {
    int i = (int) (Mix.unit(h) * prob.length);
    return Mix.unit(Mix.mix64(h)) < prob[i] ? i : alias[i];
  }

  int sample(SplittableRandom r) {
    int i = r.nextInt(prob.length);
    return r.nextDouble() < prob[i] ? i : alias[i];
  }
}
