package io.giftpay.income;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.spark.SparkTestBase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class CreatorIncomeSparkTest extends SparkTestBase {
  private static final String PAIRS = "sender_id string, creator_id string, coins bigint";
  private static final String STATE = "creator_id string, sender_id string, diamonds bigint";
  private static final LocalDate NIGHT = LocalDate.of(2026, 11, 30);
  private static final BigDecimal VALUE = new BigDecimal("0.005");

  private static Map<String, Long> byPair(Dataset<Row> state) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : state.collectAsList()) {
      out.put(r.getAs("creator_id") + "/" + r.getAs("sender_id"), r.<Long>getAs("diamonds"));
    }
    return out;
  }

  /** Names and types in order; nullability is not part of the published contract. */
  private static List<String> columns(StructType schema) {
    return java.util.Arrays.stream(schema.fields())
        .map(f -> f.name() + " " + f.dataType().sql())
        .toList();
  }

  private static Map<String, Row> byCreator(Dataset<Row> rows) {
    Map<String, Row> out = new TreeMap<>();
    rows.collectAsList().forEach(r -> out.put(r.getAs("creator_id"), r));
    return out;
  }

  @Test
  void theWindowAddsTonightAndDropsTheNightThatLeaves() {
    Dataset<Row> previous =
        rows(STATE, row("c1", "s1", 1000L), row("c1", "s2", 600L), row("c2", "s3", 200L));
    Dataset<Row> tonight = rows(PAIRS, row("s1", "c1", 100L), row("s4", "c3", 50L));
    Dataset<Row> leaving = rows(PAIRS, row("s2", "c1", 300L), row("s1", "c1", 200L));

    Map<String, Long> state = byPair(new RollGifterWindow(tonight, leaving, 2).apply(previous));

    // s2 leaves c1 entirely and drops out; s1 keeps 1000 + 200 - 400.
    assertEquals(Map.of("c1/s1", 800L, "c2/s3", 200L, "c3/s4", 100L), state);
  }

  @Test
  void aStateThatDisagreesWithTheLeavingNightStaysVisiblyNegative() {
    Dataset<Row> previous = rows(STATE, row("c1", "s1", 100L));
    Dataset<Row> leaving = rows(PAIRS, row("s1", "c1", 100L));
    Map<String, Long> state = byPair(new RollGifterWindow(rows(PAIRS), leaving, 2).apply(previous));
    assertEquals(Map.of("c1/s1", -100L), state);
  }

  @Test
  void oneGifterEqualGiftersAndExactDecimals() {
    List<Object[]> state = new ArrayList<>();
    state.add(row("solo", "fan", 4000L));
    for (int i = 0; i < 20; i++) {
      state.add(row("crowd", String.format("v%02d", i), 500L));
    }
    state.add(row("small", "fan", 100L));
    long[] mixed = {1_000_000L, 200_000L, 30_000L, 4_000L, 500L, 60L, 7L};
    for (int i = 0; i < mixed.length; i++) {
      state.add(row("mixed", "m" + i, mixed[i]));
    }
    Dataset<Row> tonight =
        rows(PAIRS, row("fan", "solo", 300L), row("m0", "mixed", 1001L), row("m6", "mixed", 7L));

    Dataset<Row> income =
        new CreatorIncome(tonight, 1, VALUE, NIGHT)
            .apply(rows(STATE, state.toArray(Object[][]::new)));
    assertEquals(columns(CreatorIncome.SCHEMA), columns(income.schema()));
    Map<String, Row> out = byCreator(income);
    assertEquals(List.of("crowd", "mixed", "small", "solo"), new ArrayList<>(out.keySet()));

    Row solo = out.get("solo");
    assertEquals(new BigDecimal("20.0000"), solo.getAs("usd_30d"));
    assertEquals(new BigDecimal("1.5000"), solo.getAs("usd_today"));
    assertEquals(1L, solo.<Long>getAs("gifters_30d"));
    assertEquals(1.0, solo.<Double>getAs("top_gifter_share"));
    assertEquals(1.0, solo.<Double>getAs("top5_share"));
    assertEquals(1.0, solo.<Double>getAs("concentration"));
    assertEquals("high", solo.getAs("band"));
    assertEquals(NIGHT, solo.getAs("business_date"));

    Row crowd = out.get("crowd");
    assertEquals(new BigDecimal("50.0000"), crowd.getAs("usd_30d"));
    assertEquals(new BigDecimal("0.0000"), crowd.getAs("usd_today"));
    assertEquals(20L, crowd.<Long>getAs("gifters_30d"));
    assertEquals(1.0 / 20, crowd.<Double>getAs("concentration"), 1e-15);
    assertEquals(1.0 / 20, crowd.<Double>getAs("top_gifter_share"), 1e-15);
    assertEquals(5.0 / 20, crowd.<Double>getAs("top5_share"), 1e-15);
    assertEquals("low", crowd.getAs("band"));

    // One gifter, but USD 0.50 over 30 nights is below the band's minimum.
    assertEquals(new BigDecimal("0.5000"), out.get("small").getAs("usd_30d"));
    assertEquals("low", out.get("small").getAs("band"));

    Row m = out.get("mixed");
    assertEquals(new BigDecimal("6172.8350"), m.getAs("usd_30d")); // 1,234,567 diamonds × 0.005
    assertEquals(new BigDecimal("5.0400"), m.getAs("usd_today")); // 1,008 diamonds
    assertEquals(7L, m.<Long>getAs("gifters_30d"));
    double total = 1_234_567.0;
    double[] shares = java.util.Arrays.stream(mixed).mapToDouble(d -> d / total).toArray();
    assertEquals(1_000_000 / total, m.<Double>getAs("top_gifter_share"), 1e-15);
    assertEquals(1_234_500 / total, m.<Double>getAs("top5_share"), 1e-15);
    assertEquals(Concentration.herfindahl(shares), m.<Double>getAs("concentration"), 1e-12);
    assertEquals("high", m.getAs("band"));
  }

  @Test
  void aPairThatLeavesTheWindowLeavesTheTable() {
    Dataset<Row> previous =
        rows(STATE, row("gone", "s1", 3000L), row("stays", "s1", 1000L), row("stays", "s2", 3000L));
    Dataset<Row> leaving = rows(PAIRS, row("s1", "gone", 3000L), row("s2", "stays", 3000L));
    Dataset<Row> tonight = rows(PAIRS, row("s3", "stays", 1000L));
    Dataset<Row> state = new RollGifterWindow(tonight, leaving, 1).apply(previous);
    Map<String, Row> out = byCreator(new CreatorIncome(tonight, 1, VALUE, NIGHT).apply(state));

    assertFalse(
        out.containsKey("gone"),
        "a creator whose only gifter left the window is not credited in the last 30 nights");
    Row stays = out.get("stays");
    assertEquals(2L, stays.<Long>getAs("gifters_30d"));
    assertEquals(new BigDecimal("10.0000"), stays.getAs("usd_30d"));
    assertEquals(new BigDecimal("5.0000"), stays.getAs("usd_today"));
    assertEquals(0.5, stays.<Double>getAs("concentration"));
    assertEquals("high", stays.getAs("band"));
  }

  @Test
  void theSparkBandIsDependencyBandOf() {
    double[] shares = {
      0.0,
      0.05,
      Math.nextDown(0.1),
      0.1,
      Math.nextUp(0.1),
      0.2,
      Math.nextDown(0.25),
      0.25,
      0.3,
      Math.nextDown(0.5),
      0.5,
      0.6,
      Math.nextDown(0.8),
      0.8,
      0.9,
      1.0
    };
    BigDecimal[] usd = {
      BigDecimal.ZERO,
      new BigDecimal("9.9999"),
      new BigDecimal("10.0000"),
      new BigDecimal("12345.6789")
    };
    List<Object[]> grid = new ArrayList<>();
    for (BigDecimal u : usd) {
      for (double top : shares) {
        for (double top5 : shares) {
          for (double hhi : shares) {
            grid.add(row(u, top, top5, hhi));
          }
        }
      }
    }
    StructType schema =
        new StructType()
            .add("usd_30d", DataTypes.createDecimalType(22, 4))
            .add("top", DataTypes.DoubleType)
            .add("top5", DataTypes.DoubleType)
            .add("hhi", DataTypes.DoubleType);
    Dataset<Row> in = rows(schema, grid.toArray(Object[][]::new));
    List<Row> banded =
        in.withColumn(
                "band",
                CreatorIncome.band(in.col("usd_30d"), in.col("top"), in.col("top5"), in.col("hhi")))
            .collectAsList();
    assertEquals(grid.size(), banded.size());
    int[] seen = new int[3];
    for (Row r : banded) {
      DependencyBand want =
          DependencyBand.of(r.getAs("usd_30d"), r.getAs("top"), r.getAs("top5"), r.getAs("hhi"));
      assertEquals(want.label(), r.getAs("band"), r::toString);
      seen[want.ordinal()]++;
    }
    assertTrue(seen[0] > 0 && seen[1] > 0 && seen[2] > 0, "the grid reaches every band");
  }

  @Test
  void aDiamondValueTheUsdColumnsCannotHoldIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CreatorIncome(rows(PAIRS), 1, new BigDecimal("0.00001"), NIGHT));
    assertTrue(e.getMessage().contains("'0.00001'"), e.getMessage());
  }
}
