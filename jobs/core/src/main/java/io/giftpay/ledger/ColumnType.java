package io.giftpay.ledger;

/** The value types the ledger contract uses, with the Spark SQL type name each is read as. */
public enum ColumnType {
  STRING("string"),
  TIMESTAMP("timestamp"),
  DATE("date"),
  BOOLEAN("boolean"),
  INT("int"),
  LONG("bigint"),
  DECIMAL_18_2("decimal(18,2)"),
  DECIMAL_18_8("decimal(18,8)");

  private final String sqlType;

  ColumnType(String sqlType) {
    this.sqlType = sqlType;
  }

  /** The Spark SQL type name, e.g. {@code decimal(18,2)}. */
  public String sqlType() {
    return sqlType;
  }
}
