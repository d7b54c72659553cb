package io.giftpay.night;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.giftpay.ledger.LedgerTable;
import io.giftpay.ledger.RejectReason;
import io.giftpay.payout.BalanceStatus;
import io.giftpay.payout.CurrencyMinorUnits;
import io.giftpay.payout.PayoutPolicy;
import io.giftpay.spark.BalanceColumns;
import io.giftpay.spark.ClearingLots;
import io.giftpay.spark.FindCreatorBookMismatches;
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
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Step 6: the night's own checks on the staged tables. Any failure stops the night before anything
 * is published. On success, writes the night's summary for publish to record.
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

    // One aggregate per table, then the checks and the summary read the same few rows.
    BalanceTotals totals = BalanceTotals.of(balances);
    List<Row> payoutRows =
        payouts
            .select("creator_id", "payout_id", "diamonds", "amount_usd", "currency", "amount")
            .collectAsList();
    List<Row> countRows = counts.orderBy("source_table").collectAsList();
    TonightTotals tonight = tonightTotals();

    List<String> failures = new ArrayList<>();
    booksBalance(balances, totals).ifPresent(failures::add);
    countsReconcile(countRows, writer.rows(staged(WarehouseLayout.QUARANTINE)))
        .ifPresent(failures::add);
    payoutsMatchBalances(payoutRows, totals).ifPresent(failures::add);
    payoutsFollowPolicy(payoutRows).ifPresent(failures::add);
    creditsMatchGifts(totals, tonight).ifPresent(failures::add);
    failures.addAll(creatorBooks(balances, tonight));
    if (!failures.isEmpty()) {
      throw new NightFailure(
          "Night "
              + context.night()
              + " failed its checks, nothing published: "
              + String.join("; ", failures));
    }
    context
        .progress()
        .line(
            "[%s] books balance for every creator; counts reconcile; payouts follow policy v%d",
            STEP, context.policy().version());

    NightSummary summary = summarise(totals, tonight, payoutRows, countRows);
    context.files().writeText(context.warehouse().work(context.night(), SUMMARY), summary.toJson());
    return summary;
  }

  /**
   * Tonight's balances summed per status in one Spark job: everything the checks and the summary
   * need of them.
   */
  record BalanceTotals(
      long creators,
      long unbalanced,
      long paidRows,
      long paidToday,
      long creditedToday,
      long creatorsCredited,
      long creatorsCarried,
      long diamondsCarried,
      long held,
      long pending,
      Map<String, Long> byStatus) {

    static BalanceTotals of(Dataset<Row> balances) {
      List<Row> rows =
          balances
              .groupBy(col(BalanceColumns.STATUS))
              .agg(
                  count(lit(1)),
                  sum(when(FindUnbalancedBooks.unbalanced(), 1L).otherwise(0L)),
                  coalesce(sum(BalanceColumns.PAID_TODAY), lit(0L)),
                  coalesce(sum(BalanceColumns.CREDITED_TODAY), lit(0L)),
                  sum(when(col(BalanceColumns.CREDITED_TODAY).gt(0), 1L).otherwise(0L)),
                  sum(when(col(BalanceColumns.AVAILABLE).notEqual(0), 1L).otherwise(0L)),
                  coalesce(
                      sum(
                          when(
                              col(BalanceColumns.AVAILABLE).notEqual(0),
                              col(BalanceColumns.AVAILABLE))),
                      lit(0L)),
                  coalesce(sum(BalanceColumns.HELD), lit(0L)),
                  coalesce(sum(BalanceColumns.PENDING), lit(0L)))
              .collectAsList();
      long[] t = new long[9];
      Map<String, Long> byStatus = new TreeMap<>();
      long paidRows = 0;
      for (Row row : rows) {
        for (int i = 0; i < t.length; i++) {
          t[i] = Math.addExact(t[i], row.isNullAt(i + 1) ? 0L : row.getLong(i + 1));
        }
        byStatus.put(row.getString(0), row.getLong(1));
        if (BalanceStatus.PAID.name().equals(row.getString(0))) {
          paidRows = row.getLong(1);
        }
      }
      return new BalanceTotals(
          t[0], t[1], paidRows, t[2], t[3], t[4], t[5], t[6], t[7], t[8], byStatus);
    }
  }

  private Optional<String> booksBalance(Dataset<Row> balances, BalanceTotals totals) {
    if (totals.unbalanced() == 0) {
      return Optional.empty();
    }
    List<Row> broken =
        new FindUnbalancedBooks()
            .apply(balances)
            .orderBy(BalanceColumns.CREATOR_ID)
            .limit(5)
            .collectAsList();
    return Optional.of(
        "books do not balance (credited != pending + available + held + paid + forfeited) for "
            + totals.unbalanced()
            + " creators, e.g. "
            + broken.stream().map(r -> r.<String>getAs(BalanceColumns.CREATOR_ID)).toList());
  }

  private static Optional<String> countsReconcile(List<Row> counts, long quarantineRows) {
    List<String> broken = new ArrayList<>();
    long quarantinedTotal = 0;
    for (Row row : counts) {
      long read = row.getAs("rows_read");
      long accounted =
          row.<Long>getAs("accepted")
              + row.<Long>getAs("duplicates")
              + row.<Long>getAs("quarantined");
      quarantinedTotal += row.<Long>getAs("quarantined");
      if (read != accounted) {
        broken.add(row.getAs("source_table"));
      }
    }
    if (!broken.isEmpty()) {
      return Optional.of("rows read != accepted + duplicates + quarantined for " + broken);
    }
    if (quarantineRows != quarantinedTotal) {
      return Optional.of(
          "quarantine holds " + quarantineRows + " rows but the counts say " + quarantinedTotal);
    }
    return Optional.empty();
  }

  private static Optional<String> payoutsMatchBalances(List<Row> payouts, BalanceTotals totals) {
    long diamonds = 0;
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Row row : payouts) {
      diamonds = Math.addExact(diamonds, row.<Long>getAs("diamonds"));
      ids.add(row.getAs("payout_id"));
    }
    if (payouts.size() != totals.paidRows() || diamonds != totals.paidToday()) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "payouts (%d rows, %d diamonds) do not match balances (%d paid, %d diamonds)",
              payouts.size(),
              diamonds,
              totals.paidRows(),
              totals.paidToday()));
    }
    if (ids.size() != payouts.size()) {
      return Optional.of("payout_id is not unique");
    }
    return Optional.empty();
  }

  /** Re-derives every payout's USD amount from its diamonds, independently of the calculator. */
  private Optional<String> payoutsFollowPolicy(List<Row> payouts) {
    PayoutPolicy policy = context.policy();
    List<String> broken = new ArrayList<>();
    for (Row row : payouts) {
      long diamonds = row.<Long>getAs("diamonds");
      BigDecimal usd = row.getAs("amount_usd");
      boolean exact =
          policy.diamondValueUsd().multiply(BigDecimal.valueOf(diamonds)).compareTo(usd) == 0;
      boolean inRange =
          usd.compareTo(policy.dailyCapUsd()) <= 0
              && usd.compareTo(policy.minimumPayoutUsd()) >= 0
              && usd.signum() > 0;
      if (!exact || !inRange) {
        broken.add(row.getAs("creator_id"));
      }
      if (broken.size() >= 5) {
        break;
      }
    }
    return broken.isEmpty()
        ? Optional.empty()
        : Optional.of("payouts break policy v" + policy.version() + " for creators " + broken);
  }

  private Optional<String> creditsMatchGifts(BalanceTotals totals, TonightTotals tonight) {
    long expected = Math.multiplyExact(tonight.acceptedCoins(), context.policy().diamondsPerCoin());
    long credited = totals.creditedToday();
    return expected == credited
        ? Optional.empty()
        : Optional.of(
            "credited " + credited + " diamonds tonight but accepted gifts are worth " + expected);
  }

  /**
   * Tonight's accepted gift coins, clearing lots kept that clear too early, holds and flags by
   * source: one Spark job over the four staged tables, stacked as (measure, key, value) rows.
   */
  record TonightTotals(
      long acceptedCoins,
      long earlyLots,
      long holds,
      long heldDiamonds,
      Map<String, Long> flagsBySource) {}

  private TonightTotals tonightTotals() {
    Dataset<Row> gifts = AcceptedEvents.tonight(context, LedgerTable.GIFTS);
    Dataset<Row> holds = writer.read(staged(WarehouseLayout.HOLDS));
    Dataset<Row> stacked =
        measure("coins", gifts.agg(coalesce(sum("coins"), lit(0L)).as("v")))
            .unionByName(
                measure(
                    "early_lots",
                    clearingLots()
                        .filter(col(ClearingLots.CLEARS_ON).leq(lit(context.night())))
                        .agg(count(lit(1)).as("v"))))
            .unionByName(measure("holds", holds.agg(count(lit(1)).as("v"))))
            .unionByName(measure("held", holds.agg(coalesce(sum("diamonds"), lit(0L)).as("v"))))
            .unionByName(
                writer
                    .read(staged(WarehouseLayout.FLAGS))
                    .groupBy(col("source").as("k"))
                    .agg(count(lit(1)).as("v"))
                    .select(lit("flags").as("m"), col("k"), col("v").cast("bigint").as("v")));
    Map<String, Long> scalars = new TreeMap<>();
    Map<String, Long> flagsBySource = new TreeMap<>();
    for (Row row : stacked.collectAsList()) {
      if (row.getString(0).equals("flags")) {
        flagsBySource.put(row.getString(1), row.getLong(2));
      } else {
        scalars.put(row.getString(0), row.getLong(2));
      }
    }
    return new TonightTotals(
        scalars.get("coins"),
        scalars.get("early_lots"),
        scalars.get("holds"),
        scalars.get("held"),
        flagsBySource);
  }

  private static Dataset<Row> measure(String name, Dataset<Row> oneValue) {
    return oneValue.select(lit(name).as("m"), lit("").as("k"), col("v").cast("bigint").as("v"));
  }

  private Dataset<Row> clearingLots() {
    return writer.read(
        context
            .warehouse()
            .stagedKept(context.night(), DetectNight.AREA_DAILY, CreditNight.CLEARING_LOTS));
  }

  /**
   * The per-creator invariants in one aggregate: no creator of last night lost; every held diamond
   * in an open review case's hold, so a decision can release or forfeit it; every pending diamond
   * in a clearing lot that is not held and clears on a night after D (point 11).
   */
  private List<String> creatorBooks(Dataset<Row> balances, TonightTotals tonight) {
    Optional<LocalDate> previous =
        new NightRecords(context.warehouse(), context.files()).previous(context.night());
    Dataset<Row> caseHolds =
        writer.read(
            context
                .warehouse()
                .stagedKept(context.night(), ReviewNight.AREA, ReviewNight.CASE_HOLDS));
    Row found =
        new FindCreatorBookMismatches(
                caseHolds,
                clearingLots(),
                previous.map(
                    night ->
                        writer.read(
                            context
                                .warehouse()
                                .published(WarehouseLayout.CREATOR_BALANCES, night))))
            .apply(balances)
            .agg(
                coalesce(sum(when(col(FindCreatorBookMismatches.LOST), 1L)), lit(0L)),
                firstFive(FindCreatorBookMismatches.HELD_MISMATCH),
                firstFive(FindCreatorBookMismatches.PENDING_MISMATCH))
            .first();
    List<String> failures = new ArrayList<>();
    if (found.getLong(0) > 0) {
      failures.add(
          found.getLong(0)
              + " creators of night "
              + previous.orElseThrow()
              + " have no balance row tonight");
    }
    List<String> held = found.getList(1);
    if (!held.isEmpty()) {
      failures.add("held diamonds do not match the open review cases' holds for creators " + held);
    }
    if (tonight.earlyLots() > 0) {
      failures.add(
          tonight.earlyLots()
              + " clearing lots kept after night "
              + context.night()
              + " clear on or before it");
    } else {
      List<String> pending = found.getList(2);
      if (!pending.isEmpty()) {
        failures.add("pending diamonds do not match the clearing lots for creators " + pending);
      }
    }
    return failures;
  }

  /** The first five creators (in order) for which a mismatch column is true. */
  private static Column firstFive(String mismatch) {
    return slice(
        array_sort(collect_list(when(col(mismatch), col(BalanceColumns.CREATOR_ID)))), 1, 5);
  }

  private NightSummary summarise(
      BalanceTotals totals, TonightTotals tonight, List<Row> payouts, List<Row> counts) {
    List<NightSummary.Ingested> ingest = new ArrayList<>();
    for (Row row : counts) {
      Map<String, Long> byReason = new TreeMap<>();
      for (RejectReason reason : RejectReason.values()) {
        long n = row.getAs(reason.name().toLowerCase(Locale.ROOT));
        if (n > 0) {
          byReason.put(reason.name(), n);
        }
      }
      ingest.add(
          new NightSummary.Ingested(
              row.getAs("source_table"),
              row.getAs("rows_read"),
              row.getAs("accepted"),
              row.getAs("duplicates"),
              row.getAs("quarantined"),
              byReason));
    }
    BigDecimal paidUsd = BigDecimal.ZERO;
    Map<String, long[]> payoutsByCurrency = new TreeMap<>();
    Map<String, BigDecimal[]> amountsByCurrency = new TreeMap<>();
    for (Row row : payouts) {
      BigDecimal usd = row.getAs("amount_usd");
      paidUsd = paidUsd.add(usd);
      String currency = row.getAs("currency");
      payoutsByCurrency.computeIfAbsent(currency, c -> new long[1])[0]++;
      BigDecimal[] amounts =
          amountsByCurrency.computeIfAbsent(currency, c -> new BigDecimal[] {null, null});
      BigDecimal amount = row.getAs("amount");
      amounts[0] = amounts[0] == null ? amount : amounts[0].add(amount);
      amounts[1] = amounts[1] == null ? usd : amounts[1].add(usd);
    }
    List<NightSummary.CurrencyTotal> byCurrency = new ArrayList<>();
    payoutsByCurrency.forEach(
        (currency, n) ->
            byCurrency.add(
                new NightSummary.CurrencyTotal(
                    currency,
                    n[0],
                    inMinorUnits(currency, amountsByCurrency.get(currency)[0]),
                    amountsByCurrency.get(currency)[1].toPlainString())));
    BigDecimal carriedUsd = atLeastCents(context.policy().valueUsd(totals.diamondsCarried()));
    return new NightSummary(
        context.night().toString(),
        context.policy().version(),
        ingest,
        totals.creatorsCredited(),
        totals.creditedToday(),
        payouts.size(),
        paidUsd.setScale(2).toPlainString(),
        byCurrency,
        totals.creators(),
        totals.byStatus(),
        totals.creatorsCarried(),
        totals.diamondsCarried(),
        carriedUsd.toPlainString(),
        totals.held(),
        tonight.flagsBySource(),
        tonight.holds(),
        tonight.heldDiamonds(),
        totals.pending());
  }

  /** 40849.000 JPY as 40849, 69.100 KWD as 69.100: the currency's own minor units. */
  private static String inMinorUnits(String currency, BigDecimal amount) {
    return amount
        .setScale(CurrencyMinorUnits.of(currency).orElse(amount.scale()), RoundingMode.UNNECESSARY)
        .toPlainString();
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
