package io.giftpay.detect;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Per-column empirical distribution of the training rows, kept as sorted copies of at most {@code
 * maxRows} rows (a seeded sample without replacement when there are more), so a row's values can be
 * placed as percentiles and the most unusual features named.
 *
 * <p>Deterministic: the same rows, cap and seed give the same sample. Immutable and thread-safe.
 */
public final class FeaturePercentiles implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Default cap: percentiles resolve to 0.01 and the model carries at most 10,000 values a column.
   */
  public static final int DEFAULT_MAX_ROWS = 10_000;

  private final double[][] sortedColumns;
  private final int sourceRows;

  private FeaturePercentiles(double[][] sortedColumns, int sourceRows) {
    this.sortedColumns = sortedColumns;
    this.sourceRows = sourceRows;
  }

  /** {@link #of(double[][], int, long)} with {@link #DEFAULT_MAX_ROWS}. */
  public static FeaturePercentiles of(double[][] rows, long seed) {
    return of(rows, DEFAULT_MAX_ROWS, seed);
  }

  /**
   * @param rows at least one row; all rows of one width; NaN is rejected
   * @param maxRows how many rows to keep at most
   * @param seed picks the kept rows when there are more than {@code maxRows}
   */
  public static FeaturePercentiles of(double[][] rows, int maxRows, long seed) {
    if (rows == null || rows.length == 0) {
      throw new IllegalArgumentException("no rows");
    }
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows < 1: " + maxRows);
    }
    int width = rows[0].length;
    if (width == 0) {
      throw new IllegalArgumentException("rows have no columns");
    }
    int n = rows.length;
    int[] chosen = sampleIndices(n, maxRows, seed);
    double[][] columns = new double[width][chosen.length];
    for (int k = 0; k < chosen.length; k++) {
      double[] row = rows[chosen[k]];
      if (row == null || row.length != width) {
        throw new IllegalArgumentException(
            "row " + chosen[k] + " does not have " + width + " values");
      }
      for (int c = 0; c < width; c++) {
        if (Double.isNaN(row[c])) {
          throw new IllegalArgumentException("row " + chosen[k] + " column " + c + " is NaN");
        }
        columns[c][k] = row[c];
      }
    }
    for (double[] column : columns) {
      Arrays.sort(column);
    }
    return new FeaturePercentiles(columns, n);
  }

  /**
   * {@code min(n, k)} distinct indices in [0, n), in increasing order: all of them when {@code n <=
   * k}, else a uniform sample drawn with a partial Fisher-Yates shuffle from {@code seed}.
   */
  static int[] sampleIndices(int n, int k, long seed) {
    if (n <= k) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      return all;
    }
    int[] index = new int[n];
    Arrays.setAll(index, i -> i);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(n - i);
      int t = index[i];
      index[i] = index[j];
      index[j] = t;
    }
    int[] chosen = Arrays.copyOf(index, k);
    Arrays.sort(chosen);
    return chosen;
  }

  /** Number of columns. */
  public int columns() {
    return sortedColumns.length;
  }

  /** How many rows were kept per column (at most the cap). */
  public int sampleRows() {
    return sortedColumns[0].length;
  }

  /** How many rows the percentiles were built from, before capping. */
  public int sourceRows() {
    return sourceRows;
  }

  /**
   * Mid-rank percentile of {@code value} among the kept training values of {@code column}: {@code
   * 100 * (#below + #equal / 2) / n}. So 0 below the smallest, 100 above the largest, 50 for the
   * median (or for any value of a constant column equal to it). NaN gives NaN.
   */
  public double percentile(int column, double value) {
    if (column < 0 || column >= sortedColumns.length) {
      throw new IndexOutOfBoundsException("column " + column + " of " + sortedColumns.length);
    }
    if (Double.isNaN(value)) {
      return Double.NaN;
    }
    double[] sorted = sortedColumns[column];
    int below = firstIndexNotBelow(sorted, value);
    int notAbove = firstIndexAbove(sorted, value);
    return 100.0 * (below + (notAbove - below) / 2.0) / sorted.length;
  }

  private static int firstIndexNotBelow(double[] sorted, double value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int firstIndexAbove(double[] sorted, double value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The {@code top} features of {@code values} whose percentile is farthest from 50, most extreme
   * first; ties keep feature order. NaN values (percentile NaN) come last.
   */
  public Explanation explain(List<String> featureNames, double[] values, int top) {
    if (featureNames.size() != sortedColumns.length || values.length != sortedColumns.length) {
      throw new IllegalArgumentException(
          "expected "
              + sortedColumns.length
              + " features, got "
              + featureNames.size()
              + " names and "
              + values.length
              + " values");
    }
    if (top < 0) {
      throw new IllegalArgumentException("top < 0: " + top);
    }
    List<FeatureContribution> all = new ArrayList<>(values.length);
    for (int c = 0; c < values.length; c++) {
      all.add(new FeatureContribution(featureNames.get(c), values[c], percentile(c, values[c])));
    }
    // List.sort is stable, so equal extremeness keeps feature order.
    all.sort(
        Comparator.comparingDouble(
                (FeatureContribution f) -> Double.isNaN(f.percentile()) ? -1.0 : f.extremeness())
            .reversed());
    return new Explanation(all.subList(0, Math.min(top, all.size())));
  }
}
