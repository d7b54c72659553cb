package io.giftpay.spark;

import static io.giftpay.spark.BalanceColumns.AVAILABLE;
import static io.giftpay.spark.BalanceColumns.CREATOR_ID;
import static io.giftpay.spark.BalanceColumns.CREDITED;
import static io.giftpay.spark.BalanceColumns.CREDITED_TODAY;
import static io.giftpay.spark.BalanceColumns.FORFEITED;
import static io.giftpay.spark.BalanceColumns.GIFTS_TODAY;
import static io.giftpay.spark.BalanceColumns.HELD;
import static io.giftpay.spark.BalanceColumns.PAID;
import static io.giftpay.spark.BalanceColumns.PAID_TODAY;
import static io.giftpay.spark.BalanceColumns.PENDING;
import static io.giftpay.spark.BalanceColumns.STATUS;
import static org.apache.spark.sql.functions.col;

import io.giftpay.payout.PayoutCalculator;
import io.giftpay.payout.PayoutDecision;
import io.giftpay.payout.PayoutPolicy;
import io.giftpay.payout.PayoutRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Applies the payout policy to every creator's available balance (pending diamonds are never paid):
 * joins the accounts snapshot and the FX rates as of D, asks the plain-Java {@link
 * PayoutCalculator} for each creator, and returns the balances after payout with the decision's
 * columns. Spark only moves the rows; the arithmetic is the calculator's.
 */
public final class DecidePayouts implements Transform {
  public static final String PAYOUT_ID = "payout_id";
  public static final String AMOUNT_USD = "amount_usd";
  public static final String CURRENCY = "currency";
  public static final String AMOUNT = "amount";
  public static final String FX_RATE = "fx_rate";
  public static final String PAYOUT_METHOD = "payout_method";
  public static final String CAPPED = "capped";

  /** Input column (optional): the creator is on hold, so nothing is paid. */
  public static final String ON_HOLD = "on_hold";

  /** decimal(20,3) holds every ISO 4217 minor unit (0, 2 or 3) of amounts up to 10^17. */
  public static final StructType SCHEMA =
      new StructType()
          .add(CREATOR_ID, DataTypes.StringType, false)
          .add(CREDITED_TODAY, DataTypes.LongType, false)
          .add(GIFTS_TODAY, DataTypes.LongType, false)
          .add(PAID_TODAY, DataTypes.LongType, false)
          .add(CREDITED, DataTypes.LongType, false)
          .add(PENDING, DataTypes.LongType, false)
          .add(AVAILABLE, DataTypes.LongType, false)
          .add(HELD, DataTypes.LongType, false)
          .add(PAID, DataTypes.LongType, false)
          .add(FORFEITED, DataTypes.LongType, false)
          .add(STATUS, DataTypes.StringType, false)
          .add(PAYOUT_ID, DataTypes.StringType, true)
          .add(AMOUNT_USD, DataTypes.createDecimalType(18, 2), true)
          .add(CURRENCY, DataTypes.StringType, true)
          .add(AMOUNT, DataTypes.createDecimalType(20, 3), true)
          .add(FX_RATE, DataTypes.createDecimalType(18, 8), true)
          .add(PAYOUT_METHOD, DataTypes.StringType, true)
          .add(CAPPED, DataTypes.BooleanType, false);

  private final PayoutPolicy policy;
  private final LocalDate businessDate;
  private final Dataset<Row> accounts;
  private final Dataset<Row> fxRates;

  /**
   * @param accounts accounts as of D: user_id, kyc_verified, birth_date, payout_currency,
   *     payout_method
   * @param fxRates the FX snapshot as of D: currency, units_per_usd (one row per currency)
   */
  public DecidePayouts(
      PayoutPolicy policy, LocalDate businessDate, Dataset<Row> accounts, Dataset<Row> fxRates) {
    this.policy = policy;
    this.businessDate = businessDate;
    this.accounts = accounts;
    this.fxRates = fxRates;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> balances) {
    Dataset<Row> withAccount =
        balances
            .join(
                accounts.select(
                    col("user_id"),
                    col("kyc_verified"),
                    col("birth_date"),
                    col("payout_currency"),
                    col("payout_method")),
                balances.col(CREATOR_ID).equalTo(col("user_id")),
                "left")
            .join(
                fxRates.select(col("currency").as("_fx_currency"), col("units_per_usd")),
                col("payout_currency").equalTo(col("_fx_currency")),
                "left");
    // A creator put on hold by detection is paid nothing until a reviewer decides.
    org.apache.spark.sql.Column onHold =
        java.util.Arrays.asList(balances.columns()).contains(ON_HOLD)
            ? col(ON_HOLD)
            : org.apache.spark.sql.functions.lit(false);
    Dataset<Row> inputs =
        withAccount.select(
            col(CREATOR_ID),
            col(CREDITED_TODAY),
            col(GIFTS_TODAY),
            col(CREDITED),
            col(AVAILABLE),
            col(HELD),
            col(PAID),
            col(FORFEITED),
            col("kyc_verified"),
            col("birth_date"),
            col("payout_currency"),
            col("payout_method"),
            col("units_per_usd"),
            onHold.as(ON_HOLD),
            col(PENDING));
    PayoutCalculator calculator = new PayoutCalculator(policy);
    LocalDate night = businessDate;
    return inputs.map(
        (MapFunction<Row, Row>) row -> decide(calculator, night, row), Encoders.row(SCHEMA));
  }

  private static Row decide(PayoutCalculator calculator, LocalDate night, Row row) {
    String creatorId = row.getString(0);
    long available = row.getLong(4);
    PayoutRequest request =
        new PayoutRequest(
            creatorId,
            night,
            available,
            row.getBoolean(13),
            row.isNullAt(8) ? null : row.getBoolean(8),
            row.isNullAt(9) ? null : row.<LocalDate>getAs(9),
            row.isNullAt(10) ? null : row.getString(10),
            row.isNullAt(11) ? null : row.getString(11),
            row.isNullAt(12) ? null : row.getDecimal(12));
    PayoutDecision decision = calculator.decide(request);
    long paidToday = decision.paidDiamonds();
    return RowFactory.create(
        creatorId,
        row.getLong(1),
        row.getLong(2),
        paidToday,
        row.getLong(3),
        row.getLong(14),
        available - paidToday,
        row.getLong(5),
        row.getLong(6) + paidToday,
        row.getLong(7),
        decision.status().name(),
        decision.payoutId(),
        decision.amountUsd(),
        decision.currency(),
        widen(decision.amountLocal()),
        decision.fxRate(),
        decision.payoutMethod(),
        decision.capped());
  }

  private static BigDecimal widen(BigDecimal amount) {
    return amount == null ? null : amount.setScale(3);
  }
}
