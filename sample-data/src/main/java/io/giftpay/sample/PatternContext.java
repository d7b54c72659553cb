package io.giftpay.sample;

import io.giftpay.ledger.LedgerTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;

/** What an {@link InjectedPattern} may know about the generated population and calendar. */
public final class PatternContext {
  private final GeneratorOptions options;
  private final Population pop;
  private final Schedule schedule;
  private final int patternOrdinal;

  PatternContext(GeneratorOptions options, Population pop, Schedule schedule, int patternOrdinal) {
    this.options = options;
    this.pop = pop;
    this.schedule = schedule;
    this.patternOrdinal = patternOrdinal;
  }

  public GeneratorOptions options() {
    return options;
  }

  public int days() {
    return schedule.days;
  }

  /** Landing date of day index d. */
  public LocalDate date(int day) {
    return schedule.date(day);
  }

  /** Start of day d, UTC. */
  public Instant dayStart(int day) {
    return Instant.ofEpochMilli(schedule.dayStartMs(day));
  }

  /** Number of generated accounts in the snapshot as of day d (indexes 0..n-1). */
  public int activeUsers(int day) {
    return pop.activeUsers(day);
  }

  /** Generated creators are the indexes 0..creators-1. */
  public int creators() {
    return pop.creators;
  }

  /** user_id of generated account idx. */
  public String userId(int idx) {
    return pop.userId(idx);
  }

  public boolean isCreator(int idx) {
    return pop.isCreator(idx);
  }

  public String country(int idx) {
    return pop.country(idx);
  }

  /** The gift catalogue, sorted by gift_id. */
  public Map<String, Long> giftCoins() {
    return options.giftCoins();
  }

  /** A new account id, distinct from every generated one and from other patterns' ids. */
  public String newAccountId(long n) {
    if (n < 0 || n >= (1L << 24)) {
      throw new IllegalArgumentException("n out of range: " + n);
    }
    return pop.userId((long) pop.users + (1L << 22) + ((long) (patternOrdinal + 1) << 24) + n);
  }

  /**
   * An event_id for this pattern's n-th event of a table on day d, in the ordinary format ({@code
   * g-YYYYMMDD-NNNNNNNNN}, {@code rc-}, {@code rv-}, {@code rw-}) with an index from 900,000,000 on
   * (ordinary events use 0..count-1), unique per pattern: so the id does not say which pattern made
   * it.
   */
  public String eventId(LedgerTable table, int day, long n) {
    if (n < 0 || n >= 1_000_000 || patternOrdinal >= 99) {
      throw new IllegalArgumentException("pattern event index out of range: " + n);
    }
    String prefix =
        switch (table) {
          case GIFTS -> "g";
          case RECHARGES -> "rc";
          case REVERSALS -> "rv";
          case REWARDS -> "rw";
          default -> throw new IllegalArgumentException(table.name());
        };
    return prefix
        + "-"
        + schedule.compact(day)
        + "-"
        + (900_000_000L + patternOrdinal * 1_000_000L + n);
  }

  /** Randomness for this pattern and day, stable by seed. */
  public SplittableRandom rng(String purpose, int day) {
    return new SplittableRandom(
        Mix.key(options.seed(), 0x9A77L + patternOrdinal, purpose.hashCode(), day));
  }

  // ---- more of the population, for patterns that act through existing accounts

  /** The pattern scale of the options (see {@link GeneratorOptions#patternScale()}). */
  public double patternScale() {
    return options.patternScale();
  }

  /**
   * How many instances to inject for a default rate of {@code perThousandUsers}: 0 when patterns
   * are off (scale 0), else {@code max(min, round(perThousandUsers × users / 1000 × scale))}.
   */
  public int instances(double perThousandUsers, int min) {
    return scaled(perThousandUsers, min, options.patternScale());
  }

  /**
   * As {@link #instances}, for an innocent look-alike: scaled by {@link
   * GeneratorOptions#lookalikeScale()}.
   */
  public int lookalikeInstances(double perThousandUsers, int min) {
    return options.patternScale() <= 0
        ? 0
        : scaled(perThousandUsers, min, options.lookalikeScale());
  }

  private int scaled(double perThousandUsers, int min, double scale) {
    if (scale <= 0) {
      return 0;
    }
    return (int) Math.max(min, Math.round(perThousandUsers * options.users() / 1000.0 * scale));
  }

  /** Whether generated creator idx is a minor (who never spends in the ordinary population). */
  public boolean minorCreator(int idx) {
    return pop.minorCreator(idx);
  }

  /**
   * Generated accounts present from the first snapshot (indexes 0..baseUsers-1; the rest sign up
   * later).
   */
  public int baseUsers() {
    return pop.baseUsers;
  }

  /** Spend tier of a generated account: 0 (below median intensity), 1, 2 (top 10%), 3 (top 1%). */
  public int tier(int idx) {
    return pop.tier(idx);
  }

  /** created_at of a generated account. */
  public Instant createdAt(int idx) {
    return Instant.ofEpochMilli((Long) pop.accountRow(idx, 0)[1]);
  }

  /** birth_date of a generated account (null = unknown). */
  public LocalDate birthDate(int idx) {
    return (LocalDate) pop.accountRow(idx, 0)[2];
  }

  /** The k-th device (k = 0 always exists; it is among those the account uses in the ledger). */
  public String deviceId(int idx, int k) {
    return "dv-" + Mix.hex(Mix.key(options.seed(), 0xDE71CEL, idx, k), 14);
  }

  /** The account's main card (payment_fingerprint used in most of its recharges). */
  public String paymentFingerprint(int idx) {
    return "pf-" + Mix.hex(Mix.key(options.seed(), 0xCA7DL, idx, 0), 16);
  }

  /** The account's phone platform for in-app purchases: {@code ios} or {@code android}. */
  public String platform(int idx) {
    return pop.platform(idx);
  }

  /** Local currency of a country when it is one of the generator's currencies (else null). */
  public static String localCurrency(String country) {
    for (int i = 0; i < Population.COUNTRIES.length; i++) {
      if (Population.COUNTRIES[i].equals(country)) {
        return Population.COUNTRY_CURRENCY[i];
      }
    }
    return null;
  }

  /**
   * Price of a USD amount in another currency at the generator's base rates (as the ordinary
   * recharges).
   */
  public static BigDecimal localPrice(BigDecimal usd, String currency) {
    return "USD".equals(currency) ? usd.setScale(2) : FxRates.localPrice(usd, currency);
  }

  /** Countries accounts are drawn from. */
  public static String[] countries() {
    return Population.COUNTRIES.clone();
  }

  /** Whether an accounts snapshot lands on day d. */
  public boolean isAccountsSnapshotDay(int day) {
    return schedule.accountsSnapshot(day);
  }

  /** The newest accounts snapshot day at or before d (day 0 always has one). */
  public int accountsSnapshotAtOrBefore(int day) {
    int s = Math.min(day, schedule.days - 1);
    while (s > 0 && !schedule.accountsSnapshot(s)) {
      s--;
    }
    return Math.max(0, s);
  }

  /** A time on day d at the frac-quantile (0..1) of the ordinary hourly activity curve. */
  public Instant activityTime(int day, double frac) {
    return Instant.ofEpochMilli(
        Events.timeOfDay(schedule, day, Math.max(0, Math.min(0.999999, frac))));
  }

  /**
   * live_id of a generated creator's stream at a time (the same stream its ordinary gifts are in).
   */
  public String liveId(int creatorIdx, Instant time) {
    return liveIdOf(creatorIdx, time);
  }

  /**
   * live_id of any creator's stream (by user_id) at a time; stable per creator, day and session.
   */
  public String liveId(String creatorId, Instant time) {
    return liveIdOf(Mix.key(options.seed(), 0x11FE5EL, creatorId.hashCode()) | (1L << 62), time);
  }

  private String liveIdOf(long creator, Instant time) {
    int d = schedule.dayOf(time.toEpochMilli());
    int hour =
        (int) Math.floorMod(time.toEpochMilli() - schedule.dayStartMs(d), Schedule.DAY_MS)
            / 3_600_000;
    return Events.liveId(options.seed(), d, creator, hour);
  }
}
