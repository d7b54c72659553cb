package io.giftpay.night;

import io.giftpay.warehouse.PublishedTables;
import org.apache.spark.sql.types.StructType;

/**
 * Columns of the {@code quarantine} table before its business_date, as {@link
 * PublishedTables#QUARANTINE} defines them.
 */
final class QuarantineSchema {
  static final StructType SCHEMA = dropBusinessDate(PublishedTables.QUARANTINE.schema());

  private QuarantineSchema() {}

  private static StructType dropBusinessDate(StructType schema) {
    StructType without = new StructType();
    for (var field : schema.fields()) {
      if (!field.name().equals("business_date")) {
        without = without.add(field);
      }
    }
    return without;
  }
}
