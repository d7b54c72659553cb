package io.giftpay.night;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

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
    Dataset<Row> quarantine = writer.read(staged(WarehouseLayout.QUARANTINE));

    // One aggregate per table, then the checks and the summary read the same few rows.
    BalanceTotals totals = BalanceTotals.of(balances);
    List<Row> payoutRows =
        payouts
            .select("creator_id", "payout_id", "diamonds", "amount_usd", "currency", "amount")
            .collectAsList();
    List<Row> countRows = counts.orderBy("source_table").collectAsList();

    List<String> failures = new ArrayList<>();
    booksBalance(balances, totals).ifPresent(failures::add);
    countsReconcile(countRows, quarantine).ifPresent(failures::add);
    payoutsMatchBalances(payoutRows, totals).ifPresent(failures::add);
    payoutsFollowPolicy(payoutRows).ifPresent(failures::add);
    creditsMatchGifts(totals).ifPresent(failures::add);
    noCreatorLost(balances).ifPresent(failures::add);
    heldMatchesOpenCases(balances).ifPresent(failures::add);
    pendingMatchesClearingLots(balances).ifPresent(failures::add);
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

    NightSummary summary = summarise(totals, payoutRows, countRows);
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

  private static Optional<String> countsReconcile(List<Row> counts, Dataset<Row> quarantine) {
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
    long quarantineRows = quarantine.count();
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

  private Optional<String> creditsMatchGifts(BalanceTotals totals) {
    Dataset<Row> gifts =
        AcceptedEvents.staged(
            context.spark(),
            context.files(),
            context.warehouse().stagedEvents(context.night(), LedgerTable.GIFTS.tableName()),
            LedgerTable.GIFTS);
    Row g = gifts.agg(coalesce(sum("coins"), lit(0L))).first();
    long expected = Math.multiplyExact(g.getLong(0), context.policy().diamondsPerCoin());
    long credited = totals.creditedToday();
    return expected == credited
        ? Optional.empty()
        : Optional.of(
            "credited " + credited + " diamonds tonight but accepted gifts are worth " + expected);
  }

  private Optional<String> noCreatorLost(Dataset<Row> balances) {
    Optional<LocalDate> previous =
        new NightRecords(context.warehouse(), context.files()).previous(context.night());
    if (previous.isEmpty()) {
      return Optional.empty();
    }
    Dataset<Row> before =
        writer.read(
            context.warehouse().published(WarehouseLayout.CREATOR_BALANCES, previous.get()));
    long lost =
        before
            .join(
                balances, before.col("creator_id").equalTo(balances.col("creator_id")), "left_anti")
            .count();
    return lost == 0
        ? Optional.empty()
        : Optional.of(
            lost + " creators of night " + previous.get() + " have no balance row tonight");
  }

  /** Every held diamond belongs to an open review case, so a decision can release or forfeit it. */
  private Optional<String> heldMatchesOpenCases(Dataset<Row> balances) {
    Dataset<Row> byCase =
        writer
            .read(
                context
                    .warehouse()
                    .stagedKept(context.night(), ReviewNight.AREA, ReviewNight.CASE_HOLDS))
            .groupBy(col("creator_id").as("_c"))
            .agg(sum("diamonds").as("_case_held"));
    List<Row> broken =
        balances
            .join(
                byCase,
                balances.col(BalanceColumns.CREATOR_ID).equalTo(byCase.col("_c")),
                "full_outer")
            .filter(
                coalesce(col(BalanceColumns.HELD), lit(0L))
                    .notEqual(coalesce(col("_case_held"), lit(0L))))
            .select(coalesce(col(BalanceColumns.CREATOR_ID), col("_c")).as("_creator"))
            .orderBy("_creator")
            .limit(5)
            .collectAsList();
    return broken.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "held diamonds do not match the open review cases' holds for creators "
                + broken.stream().map(r -> r.getString(0)).toList());
  }

  /**
   * Every pending diamond is in a clearing lot that is not held, and clears on a night after D
   * (point 11).
   */
  private Optional<String> pendingMatchesClearingLots(Dataset<Row> balances) {
    Dataset<Row> lots =
        writer.read(
            context
                .warehouse()
                .stagedKept(context.night(), DetectNight.AREA_DAILY, CreditNight.CLEARING_LOTS));
    long early = lots.filter(col(ClearingLots.CLEARS_ON).leq(lit(context.night()))).count();
    if (early > 0) {
      return Optional.of(
          early + " clearing lots kept after night " + context.night() + " clear on or before it");
    }
    Dataset<Row> byLots = ClearingLots.unheld(lots, "_c", "_lots_pending");
    List<Row> broken =
        balances
            .join(
                byLots,
                balances.col(BalanceColumns.CREATOR_ID).equalTo(byLots.col("_c")),
                "full_outer")
            .filter(
                coalesce(col(BalanceColumns.PENDING), lit(0L))
                    .notEqual(coalesce(col("_lots_pending"), lit(0L))))
            .select(coalesce(col(BalanceColumns.CREATOR_ID), col("_c")).as("_creator"))
            .orderBy("_creator")
            .limit(5)
            .collectAsList();
    return broken.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "pending diamonds do not match the clearing lots for creators "
                + broken.stream().map(r -> r.getString(0)).toList());
  }

  private NightSummary summarise(BalanceTotals totals, List<Row> payouts, List<Row> counts) {
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
    Map<String, Long> flagsBySource = new TreeMap<>();
    for (Row row :
        writer.read(staged(WarehouseLayout.FLAGS)).groupBy("source").count().collectAsList()) {
      flagsBySource.put(row.getString(0), row.getLong(1));
    }
    Row holds =
        writer
            .read(staged(WarehouseLayout.HOLDS))
            .agg(count(lit(1)), coalesce(sum("diamonds"), lit(0L)))
            .first();
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
        flagsBySource,
        holds.getLong(0),
        holds.getLong(1),
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
