package io.giftpay.night;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.giftpay.ledger.LedgerTable;
import io.giftpay.ledger.RejectReason;
import io.giftpay.payout.BalanceStatus;
import io.giftpay.payout.CurrencyMinorUnits;
import io.giftpay.payout.PayoutPolicy;
import io.giftpay.spark.BalanceColumns;
import io.giftpay.spark.ClearingLots;
import io.giftpay.spark.FindUnbalancedBooks;
import io.giftpay.warehouse.WarehouseLayout;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Step 4: the night's own checks on the staged tables. Any failure stops the night before
 * anything is published. On success, writes the night's summary for publish to record.
 */
public final class CheckNight {
  public static final String STEP = "check";
  static final String SUMMARY = "summary.json";

  private final NightContext context;
  private final StagedWriter writer;

  public CheckNight(NightContext context) {
    this.context = context;
    this.writer = new StagedWriter(context.spark(), context.files());
  }

  public NightSummary run() {
    Dataset<Row> balances = writer.read(staged(WarehouseLayout.CREATOR_BALANCES));
    Dataset<Row> payouts = writer.read(staged(WarehouseLayout.PAYOUTS));
    Dataset<Row> counts = writer.read(staged(WarehouseLayout.NIGHT_COUNTS));
    Dataset<Row> quarantine = writer.read(staged(WarehouseLayout.QUARANTINE));

    List<String> failures = new ArrayList<>();
    booksBalance(balances).ifPresent(failures::add);
    countsReconcile(counts, quarantine).ifPresent(failures::add);
    payoutsMatchBalances(payouts, balances).ifPresent(failures::add);
    payoutsFollowPolicy(payouts).ifPresent(failures::add);
    creditsMatchGifts(balances).ifPresent(failures::add);
    noCreatorLost(balances).ifPresent(failures::add);
    heldMatchesOpenCases(balances).ifPresent(failures::add);
    pendingMatchesClearingLots(balances).ifPresent(failures::add);
    if (!failures.isEmpty()) {
      throw new NightFailure("Night " + context.night() + " failed its checks, nothing published: " + String.join("; ", failures));
    }
    context.progress().line("[%s] books balance for every creator; counts reconcile; payouts follow policy v%d", STEP, context.policy().version());

    NightSummary summary = summarise(balances, payouts, counts);
    context.files().writeText(context.warehouse().work(context.night(), SUMMARY), summary.toJson());
    return summary;
  }

  private Optional<String> booksBalance(Dataset<Row> balances) {
    List<Row> broken = new FindUnbalancedBooks().apply(balances).orderBy(BalanceColumns.CREATOR_ID).limit(5).collectAsList();
    if (broken.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("books do not balance (credited != pending + available + held + paid + forfeited) for creators "
        + broken.stream().map(r -> r.<String>getAs(BalanceColumns.CREATOR_ID)).toList());
  }

  private static Optional<String> countsReconcile(Dataset<Row> counts, Dataset<Row> quarantine) {
    List<String> broken = new ArrayList<>();
    long quarantinedTotal = 0;
    for (Row row : counts.collectAsList()) {
      long read = row.getAs("rows_read");
      long accounted = row.<Long>getAs("accepted") + row.<Long>getAs("duplicates") + row.<Long>getAs("quarantined");
      quarantinedTotal += row.<Long>getAs("quarantined");
      if (read != accounted) {
        broken.add(row.getAs("source_table"));
      }
    }
    long quarantineRows = quarantine.count();
    if (!broken.isEmpty()) {
      return Optional.of("rows read != accepted + duplicates + quarantined for " + broken);
    }
    if (quarantineRows != quarantinedTotal) {
      return Optional.of("quarantine holds " + quarantineRows + " rows but the counts say " + quarantinedTotal);
    }
    return Optional.empty();
  }

  private static Optional<String> payoutsMatchBalances(Dataset<Row> payouts, Dataset<Row> balances) {
    Row p = payouts.agg(count(lit(1)), coalesce(sum("diamonds"), lit(0L))).first();
    Row b =
        balances
            .agg(
                sum(org.apache.spark.sql.functions.when(col(BalanceColumns.STATUS).equalTo(BalanceStatus.PAID.name()), 1).otherwise(0)),
                coalesce(sum(BalanceColumns.PAID_TODAY), lit(0L)))
            .first();
    long paidRows = b.isNullAt(0) ? 0 : b.getLong(0);
    if (p.getLong(0) != paidRows || p.getLong(1) != b.getLong(1)) {
      return Optional.of(String.format(Locale.ROOT, "payouts (%d rows, %d diamonds) do not match balances (%d paid, %d diamonds)",
          p.getLong(0), p.getLong(1), paidRows, b.getLong(1)));
    }
    long distinctIds = payouts.select("payout_id").distinct().count();
    if (distinctIds != p.getLong(0)) {
      return Optional.of("payout_id is not unique");
    }
    return Optional.empty();
  }

  /** Re-derives every payout's USD amount from its diamonds, independently of the calculator. */
  private Optional<String> payoutsFollowPolicy(Dataset<Row> payouts) {
    PayoutPolicy policy = context.policy();
    List<String> broken = new ArrayList<>();
    for (Row row : payouts.select("creator_id", "diamonds", "amount_usd").collectAsList()) {
      long diamonds = row.getLong(1);
      BigDecimal usd = row.getDecimal(2);
      boolean exact = policy.diamondValueUsd().multiply(BigDecimal.valueOf(diamonds)).compareTo(usd) == 0;
      boolean inRange = usd.compareTo(policy.dailyCapUsd()) <= 0 && usd.compareTo(policy.minimumPayoutUsd()) >= 0 && usd.signum() > 0;
      if (!exact || !inRange) {
        broken.add(row.getString(0));
      }
      if (broken.size() >= 5) {
        break;
      }
    }
    return broken.isEmpty() ? Optional.empty() : Optional.of("payouts break policy v" + policy.version() + " for creators " + broken);
  }

  private Optional<String> creditsMatchGifts(Dataset<Row> balances) {
    Dataset<Row> gifts =
        AcceptedEvents.staged(context.spark(), context.files(),
            context.warehouse().stagedEvents(context.night(), LedgerTable.GIFTS.tableName()), LedgerTable.GIFTS);
    Row g = gifts.agg(coalesce(sum("coins"), lit(0L))).first();
    long expected = Math.multiplyExact(g.getLong(0), context.policy().diamondsPerCoin());
    long credited = balances.agg(coalesce(sum(BalanceColumns.CREDITED_TODAY), lit(0L))).first().getLong(0);
    return expected == credited
        ? Optional.empty()
        : Optional.of("credited " + credited + " diamonds tonight but accepted gifts are worth " + expected);
  }

  private Optional<String> noCreatorLost(Dataset<Row> balances) {
    Optional<LocalDate> previous = new NightRecords(context.warehouse(), context.files()).previous(context.night());
    if (previous.isEmpty()) {
      return Optional.empty();
    }
    Dataset<Row> before = writer.read(context.warehouse().published(WarehouseLayout.CREATOR_BALANCES, previous.get()));
    long lost = before.join(balances, before.col("creator_id").equalTo(balances.col("creator_id")), "left_anti").count();
    return lost == 0 ? Optional.empty() : Optional.of(lost + " creators of night " + previous.get() + " have no balance row tonight");
  }

  /** Every held diamond belongs to an open review case, so a decision can release or forfeit it. */
  private Optional<String> heldMatchesOpenCases(Dataset<Row> balances) {
    Dataset<Row> byCase = writer.read(context.warehouse().stagedKept(context.night(), ReviewNight.AREA, ReviewNight.CASE_HOLDS))
        .groupBy(col("creator_id").as("_c")).agg(sum("diamonds").as("_case_held"));
    List<Row> broken = balances.join(byCase, balances.col(BalanceColumns.CREATOR_ID).equalTo(byCase.col("_c")), "full_outer")
        .filter(coalesce(col(BalanceColumns.HELD), lit(0L)).notEqual(coalesce(col("_case_held"), lit(0L))))
        .select(coalesce(col(BalanceColumns.CREATOR_ID), col("_c")).as("_creator")).orderBy("_creator").limit(5).collectAsList();
    return broken.isEmpty() ? Optional.empty()
        : Optional.of("held diamonds do not match the open review cases' holds for creators " + broken.stream().map(r -> r.getString(0)).toList());
  }

  /** Every pending diamond is in a clearing lot that is not held, and clears on a night after D (point 11). */
  private Optional<String> pendingMatchesClearingLots(Dataset<Row> balances) {
    Dataset<Row> lots = writer.read(context.warehouse().stagedKept(context.night(), DetectNight.AREA_DAILY, CreditNight.CLEARING_LOTS));
    long early = lots.filter(col(ClearingLots.CLEARS_ON).leq(lit(context.night()))).count();
    if (early > 0) {
      return Optional.of(early + " clearing lots kept after night " + context.night() + " clear on or before it");
    }
    Dataset<Row> byLots = ClearingLots.unheld(lots, "_c", "_lots_pending");
    List<Row> broken = balances.join(byLots, balances.col(BalanceColumns.CREATOR_ID).equalTo(byLots.col("_c")), "full_outer")
        .filter(coalesce(col(BalanceColumns.PENDING), lit(0L)).notEqual(coalesce(col("_lots_pending"), lit(0L))))
        .select(coalesce(col(BalanceColumns.CREATOR_ID), col("_c")).as("_creator")).orderBy("_creator").limit(5).collectAsList();
    return broken.isEmpty() ? Optional.empty()
        : Optional.of("pending diamonds do not match the clearing lots for creators " + broken.stream().map(r -> r.getString(0)).toList());
  }

  private NightSummary summarise(Dataset<Row> balances, Dataset<Row> payouts, Dataset<Row> counts) {
    List<NightSummary.Ingested> ingest = new ArrayList<>();
    for (Row row : counts.orderBy("source_table").collectAsList()) {
      Map<String, Long> byReason = new TreeMap<>();
      for (RejectReason reason : RejectReason.values()) {
        long n = row.getAs(reason.name().toLowerCase(Locale.ROOT));
        if (n > 0) {
          byReason.put(reason.name(), n);
        }
      }
      ingest.add(new NightSummary.Ingested(row.getAs("source_table"), row.getAs("rows_read"), row.getAs("accepted"),
          row.getAs("duplicates"), row.getAs("quarantined"), byReason));
    }
    Row credited = balances.filter(col(BalanceColumns.CREDITED_TODAY).gt(0))
        .agg(count(lit(1)), coalesce(sum(BalanceColumns.CREDITED_TODAY), lit(0L))).first();
    Row paid = payouts.agg(count(lit(1)), coalesce(sum("amount_usd"), lit(BigDecimal.ZERO))).first();
    List<NightSummary.CurrencyTotal> byCurrency = new ArrayList<>();
    for (Row row : payouts.groupBy("currency").agg(count(lit(1)), sum("amount"), sum("amount_usd")).orderBy("currency").collectAsList()) {
      byCurrency.add(new NightSummary.CurrencyTotal(row.getString(0), row.getLong(1),
          inMinorUnits(row.getString(0), row.getDecimal(2)), row.getDecimal(3).toPlainString()));
    }
    Map<String, Long> byStatus = new TreeMap<>();
    for (Row row : balances.groupBy(BalanceColumns.STATUS).count().collectAsList()) {
      byStatus.put(row.getString(0), row.getLong(1));
    }
    Row carried = balances.filter(col(BalanceColumns.AVAILABLE).notEqual(0))
        .agg(count(lit(1)), coalesce(sum(BalanceColumns.AVAILABLE), lit(0L))).first();
    Row heldAndPending = balances.agg(coalesce(sum(BalanceColumns.HELD), lit(0L)), coalesce(sum(BalanceColumns.PENDING), lit(0L))).first();
    long held = heldAndPending.getLong(0);
    Map<String, Long> flagsBySource = new TreeMap<>();
    for (Row row : writer.read(staged(WarehouseLayout.FLAGS)).groupBy("source").count().collectAsList()) {
      flagsBySource.put(row.getString(0), row.getLong(1));
    }
    Row holds = writer.read(staged(WarehouseLayout.HOLDS)).agg(count(lit(1)), coalesce(sum("diamonds"), lit(0L))).first();
    long creators = balances.count();
    BigDecimal carriedUsd = atLeastCents(context.policy().valueUsd(carried.getLong(1)));
    return new NightSummary(
        context.night().toString(), context.policy().version(), ingest, credited.getLong(0), credited.getLong(1),
        paid.getLong(0), paid.getDecimal(1).setScale(2).toPlainString(), byCurrency, creators, byStatus,
        carried.getLong(0), carried.getLong(1), carriedUsd.toPlainString(), held, flagsBySource, holds.getLong(0), holds.getLong(1),
        heldAndPending.getLong(1));
  }

  /** 40849.000 JPY as 40849, 69.100 KWD as 69.100: the currency's own minor units. */
  private static String inMinorUnits(String currency, BigDecimal amount) {
    return amount.setScale(CurrencyMinorUnits.of(currency).orElse(amount.scale()), RoundingMode.UNNECESSARY).toPlainString();
  }

  /** Diamonds may be worth fractions of a cent: show at least cents, and every digit there is. */
  private static BigDecimal atLeastCents(BigDecimal usd) {
    BigDecimal stripped = usd.stripTrailingZeros();
    return stripped.scale() < 2 ? usd.setScale(2, RoundingMode.UNNECESSARY) : stripped;
  }

  private org.apache.hadoop.fs.Path staged(String table) {
    return context.warehouse().stagedTable(context.night(), table);
  }
}
