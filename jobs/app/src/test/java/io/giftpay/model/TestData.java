package io.giftpay.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small synthetic feature tables for the model tests. */
final class TestData {
  private TestData() {}

  static List<String> names(int p) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < p; i++) {
      names.add("f" + i);
    }
    return names;
  }

  /**
   * {@code n} rows of {@code p} independent N(mean_c, sd_c) columns, mean_c = 10 c, sd_c = 1 + c.
   */
  static double[][] gaussian(int n, int p, long seed) {
    Random random = new Random(seed);
    double[][] rows = new double[n][p];
    for (double[] row : rows) {
      for (int c = 0; c < p; c++) {
        row[c] = 10.0 * c + (1.0 + c) * random.nextGaussian();
      }
    }
    return rows;
  }

  /** A row at the mean with the given columns pushed {@code sigmas} standard deviations out. */
  static double[] extreme(int p, double sigmas, int... columns) {
    double[] row = new double[p];
    for (int c = 0; c < p; c++) {
      row[c] = 10.0 * c;
    }
    for (int column : columns) {
      row[column] += sigmas * (1.0 + column);
    }
    return row;
  }
}
