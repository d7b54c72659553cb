package io.giftpay.night;

import io.giftpay.warehouse.PublishedTables;
import org.apache.spark.sql.types.StructType;

/** Columns of the {@code flags} table, as {@link PublishedTables#FLAGS} defines them. */
final class FlagsSchema {
  static final StructType SCHEMA = PublishedTables.FLAGS.schema();

  private FlagsSchema() {}
}
