package io.giftpay.night;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Columns of the {@code flags} table (contract, section 5). */
final class FlagsSchema {
  static final StructType SCHEMA =
      new StructType()
          .add("account_id", DataTypes.StringType, false)
          .add("role", DataTypes.StringType, false)
          .add("source", DataTypes.StringType, false)
          .add("severity", DataTypes.StringType, false)
          .add("action", DataTypes.StringType, false)
          .add("score", DataTypes.DoubleType, true)
          .add("evidence", DataTypes.StringType, false)
          .add("business_date", DataTypes.DateType, false);

  private FlagsSchema() {}
}
