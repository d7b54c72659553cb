package io.giftpay.night;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Columns of the {@code quarantine} table (before its business_date). */
final class QuarantineSchema {
  static final StructType SCHEMA =
      new StructType()
          .add("source_table", DataTypes.StringType, false)
          .add("source_file", DataTypes.StringType, true)
          .add("event_id", DataTypes.StringType, true)
          .add("reason", DataTypes.StringType, false)
          .add("detail", DataTypes.StringType, true)
          .add("record", DataTypes.StringType, true);

  private QuarantineSchema() {}
}
