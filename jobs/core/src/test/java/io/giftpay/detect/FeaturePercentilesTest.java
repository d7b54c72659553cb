package io.giftpay.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturePercentilesTest {

  private static double[][] column(double... values) {
    double[][] rows = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      rows[i] = new double[] {values[i]};
    }
    return rows;
  }

  @Test
  void midRankPercentiles() {
    // 1..100 in shuffled order
    double[] values = new double[100];
    for (int i = 0; i < 100; i++) {
      values[i] = (i * 37) % 100 + 1;
    }
    FeaturePercentiles p = FeaturePercentiles.of(column(values), 7L);
    assertEquals(0.0, p.percentile(0, 0.5));
    assertEquals(0.5, p.percentile(0, 1));
    assertEquals(1.0, p.percentile(0, 1.5));
    assertEquals(49.5, p.percentile(0, 50));
    assertEquals(50.0, p.percentile(0, 50.5));
    assertEquals(99.5, p.percentile(0, 100));
    assertEquals(100.0, p.percentile(0, 48_000));
    assertTrue(Double.isNaN(p.percentile(0, Double.NaN)));
  }

  @Test
  void tiesAndConstantColumns() {
    FeaturePercentiles p = FeaturePercentiles.of(column(0, 0, 0, 0, 0, 0, 0, 0, 1, 2), 1L);
    assertEquals(40.0, p.percentile(0, 0)); // 8 ties: (0 + 8/2) / 10
    assertEquals(85.0, p.percentile(0, 1));
    FeaturePercentiles constant = FeaturePercentiles.of(column(3, 3, 3), 1L);
    assertEquals(50.0, constant.percentile(0, 3));
    assertEquals(100.0, constant.percentile(0, 4));
  }

  @Test
  void capIsASeededDeterministicSample() throws Exception {
    double[][] rows = new double[5_000][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {i, -i};
    }
    FeaturePercentiles a = FeaturePercentiles.of(rows, 1_000, 42L);
    FeaturePercentiles b = FeaturePercentiles.of(rows, 1_000, 42L);
    FeaturePercentiles c = FeaturePercentiles.of(rows, 1_000, 43L);
    assertEquals(1_000, a.sampleRows());
    assertEquals(5_000, a.sourceRows());
    assertArrayEquals(bytes(a), bytes(b));
    assertNotEquals(new String(bytes(a), "ISO-8859-1"), new String(bytes(c), "ISO-8859-1"));
    // a uniform sample: the median of 0..4999 lands near p50
    assertEquals(50.0, a.percentile(0, 2_500), 5.0);
    int[] idx = FeaturePercentiles.sampleIndices(5_000, 1_000, 42L);
    for (int i = 1; i < idx.length; i++) {
      assertTrue(idx[i] > idx[i - 1], "distinct and sorted");
    }
  }

  @Test
  void explanationPicksTheMostExtremeFeaturesInOrder() {
    double[][] rows = new double[1_000][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {i, i, i, i};
    }
    FeaturePercentiles p = FeaturePercentiles.of(rows, 1L);
    List<String> names = List.of("gifts_today", "coins_today", "recharges_10min", "devices");
    // percentiles: ~50, 100 (above max), ~0.05 (second lowest), 100 (tie with coins_today)
    Explanation e = p.explain(names, new double[] {500, 48_000, 0, 5_000}, 3);
    assertEquals(
        List.of("coins_today", "devices", "recharges_10min"),
        e.features().stream().map(FeatureContribution::feature).toList());
    assertEquals(100.0, e.features().get(0).percentile());
    assertEquals(0.05, e.features().get(2).percentile(), 1e-12);
    assertEquals(
        "coins_today 48000 (p100), devices 5000 (p100), recharges_10min 0 (p0.1)", e.toString());
    assertEquals(4, p.explain(names, new double[] {1, 2, 3, 4}, 10).features().size());
    assertEquals(0, p.explain(names, new double[] {1, 2, 3, 4}, 0).features().size());
    assertThrows(IllegalArgumentException.class, () -> p.explain(names, new double[] {1, 2, 3}, 2));
  }

  @Test
  void percentileFormatNeverRoundsToTheExtreme() {
    assertEquals(
        "coins_today 48000 (p99.9)",
        new FeatureContribution("coins_today", 48_000, 99.97).toString());
    assertEquals(
        "recharges_10min 9 (p99.7)",
        new FeatureContribution("recharges_10min", 9, 99.7).toString());
    assertEquals("x 0.1250 (p0.1)", new FeatureContribution("x", 0.125, 0.01).toString());
    assertEquals("x 1 (p50)", new FeatureContribution("x", 1, 50).toString());
  }

  @Test
  void rejectsNaNTrainingValues() {
    assertThrows(
        IllegalArgumentException.class, () -> FeaturePercentiles.of(column(1, Double.NaN), 1L));
  }

  static byte[] bytes(Object o) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectOutputStream oos = new ObjectOutputStream(out)) {
      oos.writeObject(o);
    }
    return out.toByteArray();
  }
}
