package io.giftpay.features;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.giftpay.privacy.IdentifierKey;
import io.giftpay.spark.SparkTestBase;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class InstrumentKeysSparkTest extends SparkTestBase {
  private static final IdentifierKey KEY =
      new IdentifierKey(
          HexFormat.of()
              .parseHex("8f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"));
  private static final List<String> VALUES =
      List.of("pf-04b4d796a474bdb0", "dv-e05fae8c7a7a18", "", "ü-ç-☃ non-ASCII", "x".repeat(200));

  @Test
  void sparkBuiltInsComputeTheSameHmacAsTheJdk() {
    List<Object[]> values = new ArrayList<>();
    VALUES.forEach(v -> values.add(row(v)));
    values.add(row((Object) null));
    List<Row> got =
        rows("value string", values.toArray(Object[][]::new))
            .select(
                col("value"),
                InstrumentKeys.hmacSha256Hex(KEY, col("value")).as("hmac"),
                InstrumentKeys.card(KEY, col("value")).as("card"),
                InstrumentKeys.device(KEY, col("value")).as("device"))
            .collectAsList();
    assertEquals(VALUES.size() + 1, got.size());
    for (Row row : got) {
      String value = row.getAs("value");
      if (value == null) {
        assertNull(row.getAs("hmac"), "null stays null");
        assertNull(row.getAs("card"));
        assertNull(row.getAs("device"));
        continue;
      }
      assertEquals(KEY.hmacSha256Hex(value), row.getAs("hmac"), value);
      assertEquals("card-" + KEY.hmacSha256Hex(value).substring(0, 16), row.getAs("card"), value);
      assertEquals(KEY.shortKey(InstrumentKeys.DEVICE_PREFIX, value), row.getAs("device"), value);
    }
  }

  @Test
  void anotherKeyGivesAnotherCardKey() {
    IdentifierKey other = new IdentifierKey(new byte[IdentifierKey.SECRET_BYTES]);
    Row row =
        rows("value string", row("pf-04b4d796a474bdb0"))
            .select(
                InstrumentKeys.card(KEY, col("value")), InstrumentKeys.card(other, col("value")))
            .first();
    assertNotEquals(row.getString(0), row.getString(1));
    assertEquals(other.shortKey("card-", "pf-04b4d796a474bdb0"), row.getString(1));
  }
}
