package io.giftpay.oracle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A test oracle for the nightly pipeline, written from the ledger contract's text alone: plain Java
 * and {@link BigDecimal}, no Spark, none of the application's code. It replays a CSV ledger night
 * by night: drops the rows the generator broke on purpose (its {@code _truth/broken_rows.csv}),
 * counts each gift event_id once across all nights (on the night it first lands), credits {@code
 * coins × diamonds_per_coin} to the creator that night, carries available balances, and pays under
 * policy v1 (section 3, points 1-7) or v2 (point 11: a night's credits are pending until that night
 * + {@code clearing_nights}, then available).
 *
 * <p>Not modelled: holds and forfeits (points 8 and 9). Fraud holds need detection, which the
 * pipeline does not have yet, and the pipeline does not hold diamonds on reversals either; so the
 * oracle has every credited diamond available until paid. When the pipeline gains holds, this
 * oracle must gain them too, or the balance and payout comparisons will (rightly) fail.
 */
public final class PayoutOracle {
  static final String GIFTS = "gifts";
  static final String ACCOUNTS = "accounts";
  static final String FX_RATES = "fx_rates";
  static final String USD = "USD";

  /** One row of {@code _truth/broken_rows.csv}. */
  public record BrokenRow(String eventId, String table, LocalDate dt, String intendedReason) {}

  /** What must be paid to one creator on one night. */
  public record Payout(
      String creatorId,
      long diamonds,
      BigDecimal amountUsd,
      String currency,
      BigDecimal amount,
      BigDecimal fxRate,
      String payoutMethod) {}

  /** A creator's cumulative diamonds after night D's payout. */
  public record Balance(
      String creatorId,
      long credited,
      long pending,
      long available,
      long paid,
      long creditedToday) {}

  /** The gifts partition of one night as the oracle sees it. */
  public record GiftCounts(long rowsRead, long accepted, long duplicates, long broken) {}

  /** Everything expected of one night. */
  public record Night(
      LocalDate date,
      Map<String, Balance> balances,
      Map<String, Payout> payouts,
      GiftCounts gifts) {}

  /** The oracle's whole answer. */
  public record Result(List<Night> nights, List<BrokenRow> brokenRows, long distinctValidGiftIds) {
    public Night night(LocalDate date) {
      return nights.stream().filter(n -> n.date().equals(date)).findFirst().orElseThrow();
    }
  }

  private record Account(
      boolean isCreator,
      boolean kycVerified,
      LocalDate birthDate,
      String payoutCurrency,
      String payoutMethod) {}

  private final LedgerCsv ledger;
  private final Path ledgerRoot;
  private final ContractPolicy policy;

  public PayoutOracle(Path ledgerRoot, ContractPolicy policy) {
    this.ledgerRoot = ledgerRoot;
    this.ledger = new LedgerCsv(ledgerRoot);
    this.policy = policy;
  }

  public Result run(LocalDate from, LocalDate to) {
    List<BrokenRow> broken = brokenRows();
    Set<String> brokenGiftIds = new HashSet<>();
    for (BrokenRow b : broken) {
      if (b.table().equals(GIFTS)) {
        brokenGiftIds.add(b.eventId());
      }
    }
    Map<String, Map<String, String>> firstCopy = new HashMap<>();
    Map<String, Long> credited = new TreeMap<>();
    Map<String, Long> available = new TreeMap<>();
    Map<String, Long> paid = new TreeMap<>();
    // point 11: per clearing night, per creator, the diamonds that become available that night
    TreeMap<LocalDate, Map<String, Long>> clearing = new TreeMap<>();
    List<Night> nights = new ArrayList<>();

    for (LocalDate night = from; !night.isAfter(to); night = night.plusDays(1)) {
      long read = 0;
      long accepted = 0;
      long duplicates = 0;
      long brokenTonight = 0;
      Map<String, Long> creditedToday = new TreeMap<>();
      for (Map<String, String> row : ledger.rows(GIFTS, night)) {
        read++;
        String id = row.get("event_id");
        if (id != null && brokenGiftIds.contains(id)) {
          brokenTonight++;
          continue;
        }
        if (id == null) {
          throw new IllegalStateException(
              "Gift row without event_id on "
                  + night
                  + " that the truth files do not list as broken: "
                  + row);
        }
        Map<String, String> first = firstCopy.putIfAbsent(id, row);
        if (first != null) {
          if (!first.equals(row)) {
            throw new IllegalStateException(
                "Replay of "
                    + id
                    + " on "
                    + night
                    + " differs from its first copy: "
                    + first
                    + " vs "
                    + row);
          }
          duplicates++;
          continue;
        }
        accepted++;
        long diamonds =
            Math.multiplyExact(Long.parseLong(row.get("coins")), policy.diamondsPerCoin());
        creditedToday.merge(row.get("creator_id"), diamonds, Math::addExact);
      }
      LocalDate clearsOn = night.plusDays(policy.clearingNights());
      creditedToday.forEach(
          (creator, d) -> {
            credited.merge(creator, d, Math::addExact);
            available.putIfAbsent(creator, 0L);
            paid.putIfAbsent(creator, 0L);
            clearing
                .computeIfAbsent(clearsOn, k -> new TreeMap<>())
                .merge(creator, d, Math::addExact);
          });
      while (!clearing.isEmpty() && !clearing.firstKey().isAfter(night)) {
        clearing
            .pollFirstEntry()
            .getValue()
            .forEach((creator, d) -> available.merge(creator, d, Math::addExact));
      }
      Map<String, Long> pending = new TreeMap<>();
      clearing
          .values()
          .forEach(lot -> lot.forEach((creator, d) -> pending.merge(creator, d, Math::addExact)));

      Map<String, Account> accounts = accountsAsOf(night);
      Map<String, BigDecimal> fx = fxAsOf(night);
      Map<String, Payout> payouts = new TreeMap<>();
      for (Map.Entry<String, Long> e : available.entrySet()) {
        String creator = e.getKey();
        Payout payout = decide(night, creator, e.getValue(), accounts.get(creator), fx);
        if (payout != null) {
          payouts.put(creator, payout);
          available.put(creator, e.getValue() - payout.diamonds());
          paid.merge(creator, payout.diamonds(), Math::addExact);
        }
      }
      Map<String, Balance> balances = new TreeMap<>();
      for (String creator : credited.keySet()) {
        balances.put(
            creator,
            new Balance(
                creator,
                credited.get(creator),
                pending.getOrDefault(creator, 0L),
                available.get(creator),
                paid.get(creator),
                creditedToday.getOrDefault(creator, 0L)));
      }
      nights.add(
          new Night(
              night, balances, payouts, new GiftCounts(read, accepted, duplicates, brokenTonight)));
    }
    return new Result(nights, broken, firstCopy.size());
  }

  /** Policy v1, points 4-7, for one creator on night D; null when nothing is paid. */
  private Payout decide(
      LocalDate night,
      String creator,
      long availableDiamonds,
      Account account,
      Map<String, BigDecimal> fx) {
    if (account == null
        || !account.kycVerified()
        || account.birthDate() == null
        || eighteenthBirthday(account.birthDate()).isAfter(night)
        || account.payoutCurrency() == null
        || account.payoutMethod() == null) {
      return null;
    }
    String currency = account.payoutCurrency();
    BigDecimal rate = fx.get(currency);
    if (rate == null && currency.equals(USD)) {
      rate = BigDecimal.ONE; // contract: USD need not be listed, its rate is 1
    }
    if (rate == null) {
      return null;
    }
    BigDecimal value = policy.diamondValueUsd().multiply(BigDecimal.valueOf(availableDiamonds));
    if (value.compareTo(policy.minimumPayoutUsd()) < 0) {
      return null;
    }
    BigDecimal amountUsd = value.min(policy.dailyCapUsd()).setScale(2, RoundingMode.FLOOR);
    long diamonds = amountUsd.divide(policy.diamondValueUsd()).longValueExact();
    int minor = Currency.getInstance(currency).getDefaultFractionDigits();
    if (minor < 0) {
      throw new IllegalStateException("Currency " + currency + " has no ISO 4217 minor unit");
    }
    BigDecimal amount = amountUsd.multiply(rate).setScale(minor, RoundingMode.HALF_EVEN);
    return new Payout(creator, diamonds, amountUsd, currency, amount, rate, account.payoutMethod());
  }

  /**
   * The day someone born on {@code birth} turns 18; born 29 February → 1 March in a common year.
   */
  static LocalDate eighteenthBirthday(LocalDate birth) {
    int year = birth.getYear() + 18;
    if (birth.getMonthValue() == 2 && birth.getDayOfMonth() == 29 && !Year.isLeap(year)) {
      return LocalDate.of(year, 3, 1);
    }
    return LocalDate.of(year, birth.getMonthValue(), birth.getDayOfMonth());
  }

  private Map<String, Account> accountsAsOf(LocalDate night) {
    LocalDate asOf =
        ledger
            .snapshotAsOf(ACCOUNTS, night)
            .orElseThrow(
                () -> new IllegalStateException("No accounts snapshot at or before " + night));
    Map<String, Account> accounts = new HashMap<>();
    for (Map<String, String> row : ledger.rows(ACCOUNTS, asOf)) {
      Account a =
          new Account(
              bool(row.get("is_creator")),
              bool(row.get("kyc_verified")),
              row.get("birth_date") == null ? null : LocalDate.parse(row.get("birth_date")),
              row.get("payout_currency"),
              row.get("payout_method"));
      Account previous = accounts.put(row.get("user_id"), a);
      if (previous != null && !previous.equals(a)) {
        throw new IllegalStateException(
            "accounts dt=" + asOf + " has two different rows for " + row.get("user_id"));
      }
    }
    return accounts;
  }

  /** The newest fx_rates snapshot at or before D; a currency missing from it has no rate. */
  private Map<String, BigDecimal> fxAsOf(LocalDate night) {
    Map<String, BigDecimal> rates = new HashMap<>();
    var asOf = ledger.snapshotAsOf(FX_RATES, night);
    if (asOf.isEmpty()) {
      return rates;
    }
    for (Map<String, String> row : ledger.rows(FX_RATES, asOf.get())) {
      BigDecimal rate = new BigDecimal(row.get("units_per_usd"));
      BigDecimal previous = rates.put(row.get("currency"), rate);
      if (previous != null && previous.compareTo(rate) != 0) {
        throw new IllegalStateException(
            "fx_rates dt=" + asOf.get() + " has two rates for " + row.get("currency"));
      }
    }
    return rates;
  }

  public List<BrokenRow> brokenRows() {
    List<BrokenRow> out = new ArrayList<>();
    for (Map<String, String> row : LedgerCsv.read(ledgerRoot.resolve("_truth/broken_rows.csv"))) {
      out.add(
          new BrokenRow(
              row.get("event_id"),
              row.get("table"),
              LocalDate.parse(row.get("dt")),
              row.get("intended_reason")));
    }
    return out;
  }

  private static boolean bool(String value) {
    if ("true".equalsIgnoreCase(value)) {
      return true;
    }
    if ("false".equalsIgnoreCase(value)) {
      return false;
    }
    throw new IllegalStateException("Not a boolean: " + value);
  }
}
