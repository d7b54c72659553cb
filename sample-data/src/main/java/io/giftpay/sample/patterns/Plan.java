package io.giftpay.sample.patterns;

import io.giftpay.ledger.LedgerTable;
import io.giftpay.sample.Label;
import io.giftpay.sample.Lookalike;
import io.giftpay.sample.PatternAccount;
import io.giftpay.sample.PatternContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Everything one pattern injects, computed once per run from its {@link PatternContext}: new
 * accounts, events by table and landing day (always the UTC day of event_time: pattern events are
 * never late), labels and look-alikes. Helpers build contract-valid rows (coins = quantity ×
 * catalogue coins, positive amounts, accounts in the snapshot from the day they act, creators with
 * is_creator=true).
 */
final class Plan {
  static final long HOUR = 3_600_000L;
  static final long MINUTE = 60_000L;
  static final long DAY = 86_400_000L;

  /** In-app packages, as the ordinary recharges. */
  static final long[] PKG_COINS = {65, 330, 660, 1321, 3303, 6607};

  static final String[] PKG_ID = {
    "coins_65", "coins_330", "coins_660", "coins_1321", "coins_3303", "coins_6607"
  };
  static final BigDecimal[] PKG_USD = {
    new BigDecimal("0.99"),
    new BigDecimal("4.99"),
    new BigDecimal("9.99"),
    new BigDecimal("19.99"),
    new BigDecimal("49.99"),
    new BigDecimal("99.99")
  };
  static final BigDecimal WEB_USD_PER_COIN = new BigDecimal("0.0106");
  static final int P65 = 0;
  static final int P330 = 1;
  static final int P660 = 2;
  static final int P1321 = 3;
  static final int P3303 = 4;
  static final int P6607 = 5;

  /**
   * Creators with a deliberate edge case or a forced currency are below this index: patterns leave
   * them alone.
   */
  static final int FIRST_FREE_CREATOR = 19;

  /** Countries of new pattern accounts, roughly as the population. */
  private static final String[] COUNTRY_POOL = {
    "US", "US", "US", "US", "BR", "BR", "ID", "ID", "MX", "PH", "PH", "TR", "GB", "DE", "FR", "JP",
    "KR", "CA", "IN", "VN", "ES", "IT", "SA", "NG", "AU"
  };

  /** Nominal coins of the catalogue's gifts, to substitute when a catalogue lacks one. */
  private static final Map<String, Long> NOMINAL =
      Map.ofEntries(
          Map.entry("rose", 1L),
          Map.entry("fire", 5L),
          Map.entry("finger_heart", 5L),
          Map.entry("sunshine", 10L),
          Map.entry("perfume", 20L),
          Map.entry("doughnut", 30L),
          Map.entry("hand_hearts", 100L),
          Map.entry("crown", 199L),
          Map.entry("sunglasses", 199L),
          Map.entry("corgi", 299L),
          Map.entry("money_gun", 500L),
          Map.entry("galaxy", 1000L),
          Map.entry("fireworks", 1088L),
          Map.entry("private_jet", 4888L),
          Map.entry("dragon", 26999L),
          Map.entry("lion", 29999L),
          Map.entry("universe", 44999L));

  final PatternContext ctx;
  final String pattern;
  final List<PatternAccount> accounts = new ArrayList<>();
  final List<Label> labels = new ArrayList<>();
  final List<Lookalike> lookalikes = new ArrayList<>();
  int instances;
  private final Map<LedgerTable, List<List<Object[]>>> events = new EnumMap<>(LedgerTable.class);
  private final Map<LedgerTable, Integer> seq = new EnumMap<>(LedgerTable.class);
  private final Map<String, Integer> existingCreator = new HashMap<>();
  private final Set<Integer> used = new HashSet<>();
  private int accountSeq;

  Plan(PatternContext ctx, String pattern) {
    this.ctx = ctx;
    this.pattern = pattern;
    for (LedgerTable t : LedgerTable.eventTables()) {
      List<List<Object[]>> byDay = new ArrayList<>();
      for (int d = 0; d < ctx.days(); d++) {
        byDay.add(new ArrayList<>());
      }
      events.put(t, byDay);
      seq.put(t, 0);
    }
    for (int c = 0; c < ctx.creators(); c++) {
      existingCreator.put(ctx.userId(c), c);
    }
  }

  SplittableRandom rng(String purpose, int n) {
    return ctx.rng(purpose, n);
  }

  int days() {
    return ctx.days();
  }

  long dayStart(int day) {
    return ctx.dayStart(day).toEpochMilli();
  }

  int dayOf(long t) {
    return (int) Math.floorDiv(t - dayStart(0), DAY);
  }

  /** A time on day d at an hour in [fromHour, toHour) UTC, uniformly. */
  long at(int day, double fromHour, double toHour, SplittableRandom r) {
    return dayStart(day) + (long) ((fromHour + r.nextDouble() * (toHour - fromHour)) * HOUR);
  }

  /** A time on day d following the ordinary hourly activity curve. */
  long anytime(int day, SplittableRandom r) {
    return ctx.activityTime(day, r.nextDouble()).toEpochMilli();
  }

  /** The last millisecond of day d. */
  long endOfDay(int day) {
    return dayStart(day + 1) - 1;
  }

  static String hex(long v, int digits) {
    String h = Long.toHexString(v);
    if (h.length() >= digits) {
      return h.substring(h.length() - digits);
    }
    return "0".repeat(digits - h.length()) + h;
  }

  static String newDevice(SplittableRandom r) {
    return "dv-" + hex(r.nextLong(), 14);
  }

  static String newCard(SplittableRandom r) {
    return "pf-" + hex(r.nextLong(), 16);
  }

  static String country(SplittableRandom r) {
    return COUNTRY_POOL[r.nextInt(COUNTRY_POOL.length)];
  }

  /** Another country than {@code not}. */
  static String otherCountry(SplittableRandom r, String not) {
    String c;
    do {
      c = COUNTRY_POOL[r.nextInt(COUNTRY_POOL.length)];
    } while (c.equals(not));
    return c;
  }

  static String platform(SplittableRandom r) {
    return r.nextDouble() < 0.45 ? "ios" : "android";
  }

  static <T> T pick(SplittableRandom r, List<T> xs) {
    return xs.get(r.nextInt(xs.size()));
  }

  static int between(SplittableRandom r, int lo, int hiInclusive) {
    return lo + r.nextInt(hiInclusive - lo + 1);
  }

  /** Uniform in [lo, hi). */
  static double uniform(SplittableRandom r, double lo, double hi) {
    return lo + r.nextDouble() * (hi - lo);
  }

  /**
   * The variant of instance {@code i}: {@code order[i % order.length]}, so the first instances show
   * every variant in the listed order (one instance gets the first, four instances get four
   * different ones).
   */
  static <T> T variant(T[] order, int i) {
    return order[i % order.length];
  }

  // ---- accounts

  /** An adult's birth date (18-60 on every day of the run) or null (unknown, ~15%). */
  LocalDate adultBirth(SplittableRandom r) {
    if (r.nextDouble() < 0.15) {
      return null;
    }
    return ctx.date(0).minusYears(19 + r.nextInt(40)).minusDays(r.nextInt(365));
  }

  /** Who a pattern acts as: an existing viewer's own identity, or a new adult viewer's. */
  record Persona(String user, String device, String card, String country, String channel) {}

  /**
   * The existing viewer {@code idx} (when {@code idx >= 0}), else a new adult viewer created {@code
   * minDays..maxDays} before the first day, with a new device and card.
   */
  Persona viewer(int idx, SplittableRandom r, int minDays, int maxDays) {
    if (idx >= 0) {
      return new Persona(
          ctx.userId(idx),
          ctx.deviceId(idx, 0),
          ctx.paymentFingerprint(idx),
          ctx.country(idx),
          ctx.platform(idx));
    }
    String country = country(r);
    String user = newViewer(0, oldCreatedAt(r, minDays, maxDays), adultBirth(r), country);
    return new Persona(user, newDevice(r), newCard(r), country, platform(r));
  }

  /**
   * A new viewer account, in the snapshots from the newest one at or before {@code firstActDay}.
   * {@code createdAt} must not be after the account's first event.
   */
  String newViewer(int firstActDay, long createdAt, LocalDate birth, String country) {
    return newAccount(firstActDay, createdAt, birth, country, false, false, null, null, null);
  }

  /**
   * A new creator: KYC verified, payout method and currency set (payable, so money can flow out).
   */
  String newCreator(int firstActDay, long createdAt, String country, SplittableRandom r) {
    String local = PatternContext.localCurrency(country);
    return newAccount(
        firstActDay,
        createdAt,
        ctx.date(0).minusYears(19 + r.nextInt(20)).minusDays(r.nextInt(365)),
        country,
        true,
        true,
        local == null ? "USD" : local,
        r.nextDouble() < 0.7 ? "bank" : "paypal",
        r.nextDouble() < 0.35 ? "ag-" + (100 + r.nextInt(Math.max(1, ctx.creators() / 25))) : null);
  }

  private String newAccount(
      int firstActDay,
      long createdAt,
      LocalDate birth,
      String country,
      boolean creator,
      boolean kyc,
      String payoutCurrency,
      String payoutMethod,
      String agency) {
    String id = ctx.newAccountId(accountSeq++);
    int snapshot = ctx.accountsSnapshotAtOrBefore(firstActDay);
    if (createdAt > endOfDay(snapshot)) {
      throw new IllegalStateException(
          pattern + ": account created after the snapshot it is first in");
    }
    accounts.add(
        new PatternAccount(
            snapshot,
            new Object[] {
              id, createdAt, birth, country, creator, kyc, payoutCurrency, payoutMethod, agency
            }));
    return id;
  }

  /**
   * created_at of a fresh account whose first event is at {@code firstEvent}: within about a day
   * before it, and no later than the end of the snapshot day it first appears in.
   */
  long freshCreatedAt(long firstEvent, SplittableRandom r) {
    int snapshot = ctx.accountsSnapshotAtOrBefore(dayOf(firstEvent));
    long latest = Math.min(firstEvent - 20 * MINUTE, endOfDay(snapshot));
    return latest - (long) (r.nextDouble() * 20 * HOUR);
  }

  /** created_at some days before the start (an established account). */
  long oldCreatedAt(SplittableRandom r, int minDays, int maxDays) {
    return dayStart(0) - (long) between(r, minDays, maxDays) * DAY - r.nextInt((int) DAY);
  }

  // ---- picking generated accounts (disjoint between patterns by index residue)

  /**
   * An ordinary generated viewer (not a creator, in the population from day 0) with {@code idx % 8
   * == residue} and {@code ok}, not used yet by this plan; -1 if none.
   */
  int pickViewer(SplittableRandom r, int residue, IntPredicate ok) {
    int lo = ctx.creators();
    int hi = ctx.baseUsers();
    if (hi <= lo) {
      return -1;
    }
    int n = hi - lo;
    int start = r.nextInt(n);
    for (int k = 0; k < n; k++) {
      int idx = lo + (start + k) % n;
      if (idx % 8 == residue && !used.contains(idx) && ok.test(idx)) {
        used.add(idx);
        return idx;
      }
    }
    return -1;
  }

  /**
   * A generated creator without a deliberate edge case, {@code idx % 4 == residue}, not used yet;
   * -1 if none.
   */
  int pickCreator(SplittableRandom r, int residue) {
    return pickCreator(r, residue, 4);
  }

  /**
   * As {@link #pickCreator(SplittableRandom, int)} with {@code idx % modulus == residue}: modulus 8
   * splits one residue of 4 between two patterns, so they still never share a creator.
   */
  int pickCreator(SplittableRandom r, int residue, int modulus) {
    int lo = FIRST_FREE_CREATOR;
    int hi = ctx.creators();
    if (hi <= lo) {
      return -1;
    }
    int n = hi - lo;
    int start = r.nextInt(n);
    for (int k = 0; k < n; k++) {
      int idx = lo + (start + k) % n;
      if (idx % modulus == residue && !used.contains(idx) && !ctx.minorCreator(idx)) {
        used.add(idx);
        return idx;
      }
    }
    return -1;
  }

  /**
   * The generated creator {@code idx} (when {@code idx >= 0}) acting with its own device and card,
   * else a new payable creator created {@code minDays..maxDays} before the first day, with a new
   * device and card.
   */
  Persona creator(int idx, SplittableRandom r, int minDays, int maxDays) {
    if (idx >= 0) {
      return new Persona(
          ctx.userId(idx),
          ctx.deviceId(idx, 0),
          ctx.paymentFingerprint(idx),
          ctx.country(idx),
          ctx.platform(idx));
    }
    String country = country(r);
    String user = newCreator(0, oldCreatedAt(r, minDays, maxDays), country, r);
    return new Persona(user, newDevice(r), newCard(r), country, platform(r));
  }

  /** A popular generated creator (for ordinary gifts), weighted towards the top. */
  String popularCreator(SplittableRandom r) {
    int top = Math.min(ctx.creators(), 40);
    double u = r.nextDouble();
    return ctx.userId((int) (top * u * u));
  }

  /** Any generated creator, uniformly (a creator the sender has no history with). */
  String anyCreator(SplittableRandom r) {
    return ctx.userId(r.nextInt(ctx.creators()));
  }

  void label(String accountId, String role) {
    labels.add(new Label(accountId, role, pattern));
  }

  void lookalike(String accountId, String role) {
    lookalikes.add(new Lookalike(accountId, role, pattern));
  }

  // ---- events

  private void add(LedgerTable t, long time, Object[] row) {
    int d = dayOf(time);
    if (d < 0 || d >= days()) {
      throw new IllegalStateException(
          pattern + ": " + t.tableName() + " event outside the run: " + Instant.ofEpochMilli(time));
    }
    events.get(t).get(d).add(row);
  }

  private String eventId(LedgerTable t, long time) {
    int n = seq.merge(t, 1, Integer::sum);
    return ctx.eventId(t, dayOf(time), n);
  }

  boolean inRun(long time) {
    int d = dayOf(time);
    return d >= 0 && d < days();
  }

  /**
   * Coins of a gift (substituting the nearest cheaper catalogue gift when the catalogue lacks it).
   */
  String giftId(String wanted) {
    Map<String, Long> cat = ctx.giftCoins();
    if (cat.containsKey(wanted)) {
      return wanted;
    }
    long nominal = NOMINAL.getOrDefault(wanted, 1L);
    String best = null;
    long bestCoins = -1;
    String cheapest = null;
    long cheapestCoins = Long.MAX_VALUE;
    for (Map.Entry<String, Long> e : cat.entrySet()) {
      if (e.getValue() <= nominal && e.getValue() > bestCoins) {
        best = e.getKey();
        bestCoins = e.getValue();
      }
      if (e.getValue() < cheapestCoins) {
        cheapest = e.getKey();
        cheapestCoins = e.getValue();
      }
    }
    return best != null ? best : cheapest;
  }

  long coins(String giftId) {
    return ctx.giftCoins().get(giftId(giftId));
  }

  String liveId(String creatorId, long time) {
    Integer idx = existingCreator.get(creatorId);
    Instant t = Instant.ofEpochMilli(time);
    return idx != null ? ctx.liveId(idx, t) : ctx.liveId(creatorId, t);
  }

  /** A gift; returns its coins. */
  long gift(
      long time,
      String sender,
      String creator,
      String wanted,
      int quantity,
      String device,
      String ip) {
    String g = giftId(wanted);
    long coins = quantity * ctx.giftCoins().get(g);
    add(
        LedgerTable.GIFTS,
        time,
        new Object[] {
          eventId(LedgerTable.GIFTS, time),
          time,
          sender,
          creator,
          liveId(creator, time),
          g,
          quantity,
          coins,
          device,
          ip
        });
    return coins;
  }

  /**
   * Gifts from a menu (dearest first tried) worth about {@code budget} coins, sent from {@code
   * from} over {@code span} ms (clamped to the day of {@code from}); returns the coins spent (at
   * most budget).
   */
  long spend(
      SplittableRandom r,
      long from,
      long span,
      String sender,
      String creator,
      long budget,
      String[] menu,
      String device,
      String ip) {
    if (dayOf(from) >= days()) {
      from = endOfDay(days() - 1) - MINUTE;
    }
    int day = dayOf(from);
    long end = Math.min(from + span, endOfDay(day));
    List<long[]> plan = new ArrayList<>();
    long left = budget;
    int guard = 0;
    while (guard++ < 400) {
      List<String> fit = new ArrayList<>();
      for (String g : menu) {
        if (coins(g) <= left) {
          fit.add(g);
        }
      }
      if (fit.isEmpty()) {
        break;
      }
      String g = pick(r, fit);
      long unit = coins(g);
      int q = 1;
      if (unit < 1000 && r.nextDouble() < 0.35) {
        q =
            (int)
                Math.max(
                    1,
                    Math.min(left / unit, new int[] {2, 3, 5, 10, 10, 20, 50, 99}[r.nextInt(8)]));
      }
      left -= q * unit;
      plan.add(new long[] {menuIndex(menu, g), q});
    }
    long spent = 0;
    int n = plan.size();
    long[] times = new long[n];
    for (int k = 0; k < n; k++) {
      times[k] = from + (long) (r.nextDouble() * Math.max(1, end - from));
    }
    java.util.Arrays.sort(times);
    for (int k = 0; k < n; k++) {
      spent +=
          gift(
              times[k],
              sender,
              creator,
              menu[(int) plan.get(k)[0]],
              (int) plan.get(k)[1],
              device,
              ip);
    }
    return spent;
  }

  private static int menuIndex(String[] menu, String g) {
    for (int i = 0; i < menu.length; i++) {
      if (menu[i].equals(g)) {
        return i;
      }
    }
    throw new IllegalArgumentException(g);
  }

  /**
   * Currency a buyer from {@code country} pays in: its local one with probability {@code
   * localShare}, else USD.
   */
  static String currency(SplittableRandom r, String country, double localShare) {
    String local = PatternContext.localCurrency(country);
    return local != null && !local.equals("USD") && r.nextDouble() < localShare ? local : "USD";
  }

  /** An in-app package recharge; returns the row (event_id at 0, coins at 4). */
  Object[] rechargePackage(
      long time,
      String user,
      int pkg,
      String currency,
      String channel,
      String card,
      String device,
      String ip) {
    BigDecimal amount = PatternContext.localPrice(PKG_USD[pkg], currency);
    Object[] row = {
      eventId(LedgerTable.RECHARGES, time),
      time,
      user,
      PKG_ID[pkg],
      PKG_COINS[pkg],
      amount,
      currency,
      channel,
      card,
      device,
      ip
    };
    add(LedgerTable.RECHARGES, time, row);
    return row;
  }

  /** A web recharge of a custom amount (package_id null) at 0.0106 USD a coin. */
  Object[] rechargeWeb(
      long time, String user, long coins, String currency, String card, String device, String ip) {
    BigDecimal usd =
        WEB_USD_PER_COIN.multiply(BigDecimal.valueOf(coins)).setScale(2, RoundingMode.HALF_UP);
    BigDecimal amount = PatternContext.localPrice(usd, currency);
    Object[] row = {
      eventId(LedgerTable.RECHARGES, time),
      time,
      user,
      null,
      coins,
      amount,
      currency,
      "web",
      card,
      device,
      ip
    };
    add(LedgerTable.RECHARGES, time, row);
    return row;
  }

  /**
   * A full reversal of a recharge at {@code time}; false (nothing added) when that is after the
   * run.
   */
  boolean reversal(long time, Object[] recharge, String kind) {
    if (!inRun(time)) {
      return false;
    }
    add(
        LedgerTable.REVERSALS,
        time,
        new Object[] {
          eventId(LedgerTable.REVERSALS, time),
          time,
          recharge[0],
          recharge[2],
          kind,
          recharge[4],
          recharge[5],
          recharge[6]
        });
    return true;
  }

  /**
   * A chargeback of {@code recharge} {@code minDays..maxDays} later, pulled in to the end of the
   * run when that comes first (but never less than a day after the recharge); false (nothing added)
   * when even a day later is after the run.
   */
  boolean chargebackLater(Object[] recharge, SplittableRandom r, double minDays, double maxDays) {
    long at = (Long) recharge[1];
    long runEnd = endOfDay(days() - 1);
    long earliest = at + (long) (minDays * DAY);
    long latest = Math.min(at + (long) (maxDays * DAY), runEnd);
    if (latest < earliest) {
      earliest = at + DAY;
    }
    if (latest < earliest) {
      return false;
    }
    return reversal(
        earliest + (long) (r.nextDouble() * (latest - earliest)), recharge, "chargeback");
  }

  /**
   * The first day an account created at {@code createdAt} may act: 0 when it was created before the
   * start, else the first accounts snapshot day on or after its creation ({@link #days()} when
   * there is none).
   */
  int firstListedDay(long createdAt) {
    if (createdAt < dayStart(0)) {
      return 0;
    }
    for (int d = Math.max(0, dayOf(createdAt)); d < days(); d++) {
      if (ctx.isAccountsSnapshotDay(d)) {
        return d;
      }
    }
    return days();
  }

  void reward(long time, String user, String campaign, long coins) {
    add(
        LedgerTable.REWARDS,
        time,
        new Object[] {eventId(LedgerTable.REWARDS, time), time, user, campaign, coins});
  }

  /**
   * Sorts each partition's rows by event_time, then event_id; checks accounts act only once in the
   * snapshot.
   */
  void finish() {
    Comparator<Object[]> byTime =
        Comparator.<Object[]>comparingLong(row -> (Long) row[1])
            .thenComparing(row -> (String) row[0]);
    for (List<List<Object[]>> byDay : events.values()) {
      for (List<Object[]> rows : byDay) {
        rows.sort(byTime);
      }
    }
    Map<String, Long> created = new HashMap<>();
    Map<String, Integer> snapshot = new HashMap<>();
    for (PatternAccount a : accounts) {
      created.put((String) a.row()[0], (Long) a.row()[1]);
      snapshot.put((String) a.row()[0], a.firstSnapshotDay());
    }
    for (Map.Entry<LedgerTable, List<List<Object[]>>> e : events.entrySet()) {
      int[] cols =
          switch (e.getKey()) {
            case GIFTS -> new int[] {2, 3};
            default -> new int[] {2};
          };
      for (int d = 0; d < days(); d++) {
        for (Object[] row : e.getValue().get(d)) {
          for (int c : cols) {
            String id = (String) row[c];
            Long at = created.get(id);
            if (at != null && (at > (Long) row[1] || snapshot.get(id) > d)) {
              throw new IllegalStateException(
                  pattern
                      + ": "
                      + id
                      + " acts before it exists: "
                      + java.util.Arrays.toString(row));
            }
          }
        }
      }
    }
  }

  /**
   * An ordinary small day of a viewer: a small package when the balance runs low, then small gifts
   * worth about {@code target} coins to one of its favourite creators. Returns the new coin
   * balance; adds the coins gifted to {@code spent[0]}.
   */
  long habitDay(
      SplittableRandom r,
      int day,
      String user,
      String[] favourites,
      long target,
      long balance,
      String device,
      String card,
      String channel,
      String currency,
      String ip,
      long[] spent) {
    long t = anytime(day, r);
    if (balance < target) {
      int pkg = P65;
      while (pkg < P1321 && PKG_COINS[pkg] < target - balance) {
        pkg++;
      }
      long rt = Math.max(dayStart(day), t - between(r, 1, 10) * MINUTE);
      balance += (Long) rechargePackage(rt, user, pkg, currency, channel, card, device, ip)[4];
    }
    long s =
        spend(
            r,
            t,
            between(r, 10, 90) * MINUTE,
            user,
            favourites[r.nextInt(favourites.length)],
            Math.min(target, balance),
            Gifts.SMALL,
            device,
            ip);
    spent[0] += s;
    return balance - s;
  }

  List<Object[]> events(LedgerTable t, int day) {
    List<List<Object[]>> byDay = events.get(t);
    return byDay == null || day < 0 || day >= byDay.size() ? List.of() : byDay.get(day);
  }
}
