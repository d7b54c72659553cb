package io.giftpay.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** A small night's Spark settings: chosen by size, set for the night only, same answers. */
class SmallNightSettingsSparkTest extends SparkTestBase {
  private static final long LIMIT = 1_000;

  @Test
  void aNightAtOrBelowTheLimitIsSmallAndOneAboveItIsNot() {
    assertEquals(
        "false", SmallNightSettings.forNight(LIMIT, LIMIT).get("spark.sql.adaptive.enabled"));
    assertEquals(
        "NO_CODEGEN", SmallNightSettings.forNight(0, LIMIT).get("spark.sql.codegen.factoryMode"));
    assertEquals(
        "-1",
        SmallNightSettings.forNight(0, LIMIT).get("spark.sql.autoBroadcastJoinThreshold"),
        "no broadcast joins");
    assertTrue(
        SmallNightSettings.forNight(LIMIT + 1, LIMIT).isEmpty(),
        "a larger night keeps Spark's own settings");
    assertTrue(
        SmallNightSettings.forNight(10, 0).isEmpty(),
        "a limit of 0 turns the small-night settings off");
    assertThrows(IllegalArgumentException.class, () -> SmallNightSettings.forNight(10, -1));
  }

  @Test
  void settingsLastUntilClosedThenTheEarlierValuesAreBack() {
    spark.conf().set("spark.sql.shuffle.partitions", "3");
    spark.conf().unset("spark.sql.codegen.factoryMode");
    try (SmallNightSettings ignored =
        SmallNightSettings.apply(spark, SmallNightSettings.forNight(10, LIMIT))) {
      assertEquals("2", spark.conf().get("spark.sql.shuffle.partitions"));
      assertEquals("NO_CODEGEN", spark.conf().get("spark.sql.codegen.factoryMode"));
    }
    assertEquals("3", spark.conf().get("spark.sql.shuffle.partitions"));
    assertFalse(
        spark.conf().getOption("spark.sql.codegen.factoryMode").isDefined()
            && spark.conf().get("spark.sql.codegen.factoryMode").equals("NO_CODEGEN"),
        "an unset key is unset again");
  }

  @Test
  void aQueryGivesTheSameRowsWithAndWithoutThem() {
    Dataset<Row> gifts =
        rows(
            "creator_id string, coins bigint, share double",
            row("c1", 5L, 0.1),
            row("c2", 7L, 0.2),
            row("c1", 11L, 0.3),
            row("c3", 1L, 0.4));
    List<Row> plain = totals(gifts);
    List<Row> small;
    try (SmallNightSettings ignored =
        SmallNightSettings.apply(spark, SmallNightSettings.forNight(10, LIMIT))) {
      small = totals(gifts);
    }
    assertEquals(plain, small);
    assertEquals(16L, plain.get(0).getLong(1));
  }

  private static List<Row> totals(Dataset<Row> gifts) {
    return gifts
        .groupBy("creator_id")
        .agg(sum("coins").as("coins"), sum("share").as("share"))
        .orderBy(col("creator_id"))
        .collectAsList();
  }
}
