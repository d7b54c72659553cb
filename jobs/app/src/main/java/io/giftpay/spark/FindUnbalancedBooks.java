package io.giftpay.spark;

import static io.giftpay.spark.BalanceColumns.AVAILABLE;
import static io.giftpay.spark.BalanceColumns.CREDITED;
import static io.giftpay.spark.BalanceColumns.FORFEITED;
import static io.giftpay.spark.BalanceColumns.HELD;
import static io.giftpay.spark.BalanceColumns.PAID;
import static io.giftpay.spark.BalanceColumns.PAID_TODAY;
import static io.giftpay.spark.BalanceColumns.PENDING;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The creators whose books do not balance: {@code credited != pending + available + held + paid +
 * forfeited}, or a negative pending, paid, held, forfeited or paid-today. Empty means the books
 * balance.
 */
public final class FindUnbalancedBooks implements Transform {
  @Override
  public Dataset<Row> apply(Dataset<Row> balances) {
    return balances.filter(unbalanced());
  }

  /**
   * True for a balance row whose books do not balance (for counting them inside a wider aggregate).
   */
  public static Column unbalanced() {
    Column identity =
        col(CREDITED)
            .notEqual(
                col(PENDING)
                    .plus(col(AVAILABLE))
                    .plus(col(HELD))
                    .plus(col(PAID))
                    .plus(col(FORFEITED)));
    Column negative =
        col(PENDING)
            .lt(0)
            .or(col(PAID).lt(0))
            .or(col(HELD).lt(0))
            .or(col(FORFEITED).lt(0))
            .or(col(PAID_TODAY).lt(0));
    return identity.or(negative);
  }
}
