package io.giftpay.ledger;

import java.io.Serializable;
import java.util.Objects;

/** One column of a ledger table as the contract (section 2) defines it. */
public record ContractColumn(String name, ColumnType type, boolean nullable)
    implements Serializable {
  public ContractColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  static ContractColumn required(String name, ColumnType type) {
    return new ContractColumn(name, type, false);
  }

  static ContractColumn nullable(String name, ColumnType type) {
    return new ContractColumn(name, type, true);
  }
}
