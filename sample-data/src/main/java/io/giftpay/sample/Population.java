package io.giftpay.sample;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The accounts: user {@code idx} in [0, users) has a stable, seed-dependent id; creators are the
 * indexes [0, creators); indexes from {@code baseUsers} on sign up during the period. Everything
 * about a user is a pure function of (seed, idx); only the few numbers needed to sample senders are
 * kept in arrays (about 10 bytes a user).
 */
final class Population {
  static final String[] COUNTRIES = {
    "US", "BR", "ID", "MX", "PH", "TR", "GB", "DE", "FR", "ES", "IT", "JP", "KR", "KW", "BH", "CA",
    "IN", "VN", "EG", "SA", "NG", "AU"
  };
  private static final double[] COUNTRY_WEIGHT = {
    22, 10, 10, 7, 7, 5, 5, 4, 3, 2, 2, 4, 3, 1, 0.5, 3, 5, 4, 2, 2, 2, 1.5
  };

  /**
   * Local currency of each country, when it is one of the payout currencies (else creators get
   * USD).
   */
  static final String[] COUNTRY_CURRENCY = {
    "USD", "BRL", "IDR", "MXN", "PHP", "TRY", "GBP", "EUR", "EUR", "EUR", "EUR", "JPY", "KRW",
    "KWD", "BHD", null, null, null, null, null, null, null
  };

  /** Creators 0..11 get one payout currency each, so every currency has a creator. */
  private static final String[] FORCED_COUNTRY = {
    "US", "DE", "GB", "BR", "ID", "JP", "KR", "KW", "BH", "MX", "TR", "PH"
  };

  /** Creators with a deliberate edge case (when there are that many creators). */
  static final int FEB29 = 12;

  static final int TURNS_18 = 13;
  static final int UNDERAGE = 14;
  static final int NO_BIRTH_DATE = 15;
  static final int NO_KYC = 16;
  static final int KYC_LATER = 17;
  static final int NO_PAYOUT_METHOD = 18;

  private static final double[] TIER_EXPONENT = {0.95, 0.85, 0.7, 0.5};

  final long seed;
  final int users;
  final int creators;
  final int baseUsers;
  final Schedule schedule;
  private final int[] activeUsers;
  private final int[] signupDay;
  private final long idSalt;
  private final byte[] country;
  private final byte[] tier;

  /**
   * Cumulative spend intensity of all users (index order); used for the users who sign up later.
   */
  private final double[] senderCum;

  private final Alias baseSenders;
  private final double[] creatorCum;
  private final Alias creatorAlias;
  final String[] giftIds;
  final long[] giftCoins;
  private final double[][] giftCum;
  private final double[] countryCum;

  Population(GeneratorOptions o, Schedule schedule) {
    this.seed = o.seed();
    this.users = o.users();
    this.creators = o.creators();
    this.schedule = schedule;
    this.idSalt = Mix.key(seed, 0x1D5A17L);

    int later = schedule.signupDays.size();
    int newUsers = later == 0 ? 0 : Math.max(later, users / 50);
    newUsers = Math.min(newUsers, users - creators - 1);
    this.baseUsers = users - newUsers;
    this.signupDay = new int[Math.max(0, newUsers)];
    for (int k = 0; k < newUsers; k++) {
      signupDay[k] = schedule.signupDays.get((int) ((long) k * later / newUsers));
    }
    this.activeUsers = new int[schedule.days];
    for (int d = 0; d < schedule.days; d++) {
      int n = baseUsers;
      for (int sd : signupDay) {
        if (sd <= d) {
          n++;
        }
      }
      activeUsers[d] = n;
    }

    countryCum = cumulative(COUNTRY_WEIGHT);
    country = new byte[users];
    tier = new byte[users];
    senderCum = new double[users];
    double acc = 0;
    for (int idx = 0; idx < users; idx++) {
      SplittableRandom r = userRng(idx, 1);
      double z = Mix.gaussian(r);
      int c =
          Mix.search(
              countryCum, countryCum.length, r.nextDouble() * countryCum[countryCum.length - 1]);
      if (idx < creators && idx < FORCED_COUNTRY.length) {
        c = countryIndex(FORCED_COUNTRY[idx]);
      }
      country[idx] = (byte) c;
      tier[idx] = (byte) (z > 2.326 ? 3 : z > 1.2816 ? 2 : z > 0 ? 1 : 0);
      // lognormal spend intensity: a few whales give most coins; creators rarely send gifts, and
      // minor creators never do (a minor spending is the underage_spending pattern, labelled)
      double w = StrictMath.exp(1.7 * z);
      if (idx < creators) {
        w = creators > 1 && !minorCreator(idx) ? 0.15 * w : 0.0;
      }
      acc += w;
      senderCum[idx] = acc;
    }

    double[] w = new double[baseUsers];
    for (int idx = 0; idx < baseUsers; idx++) {
      w[idx] = senderCum[idx] - (idx == 0 ? 0 : senderCum[idx - 1]);
    }
    baseSenders = new Alias(w, baseUsers);

    creatorCum = new double[creators];
    double[] cw = new double[creators];
    acc = 0;
    for (int c = 0; c < creators; c++) {
      cw[c] = 1.0 / StrictMath.pow(c + 1, 1.1); // Zipf-like popularity
      acc += cw[c];
      creatorCum[c] = acc;
    }
    creatorAlias = new Alias(cw, creators);

    Map<String, Long> cat = o.giftCoins();
    giftIds = cat.keySet().toArray(new String[0]);
    giftCoins = new long[giftIds.length];
    for (int g = 0; g < giftIds.length; g++) {
      giftCoins[g] = cat.get(giftIds[g]);
    }
    giftCum = new double[TIER_EXPONENT.length][];
    for (int t = 0; t < TIER_EXPONENT.length; t++) {
      double[] gw = new double[giftIds.length];
      for (int g = 0; g < gw.length; g++) {
        gw[g] = 1.0 / StrictMath.pow(giftCoins[g], TIER_EXPONENT[t]); // cheap gifts common
      }
      giftCum[t] = cumulative(gw);
    }
  }

  private static double[] cumulative(double[] w) {
    double[] c = new double[w.length];
    double acc = 0;
    for (int i = 0; i < w.length; i++) {
      acc += w[i];
      c[i] = acc;
    }
    return c;
  }

  static int countryIndex(String code) {
    for (int i = 0; i < COUNTRIES.length; i++) {
      if (COUNTRIES[i].equals(code)) {
        return i;
      }
    }
    throw new IllegalArgumentException(code);
  }

  SplittableRandom userRng(int idx, int purpose) {
    return new SplittableRandom(Mix.key(seed, 0xACC0L + purpose, idx));
  }

  /**
   * Stable opaque id; unique because mix64 is a bijection. Indexes &gt;= users are never in
   * accounts.
   */
  String userId(long idx) {
    return "u" + Mix.hex(Mix.mix64(idx ^ idSalt), 16);
  }

  /** An id that is in no accounts snapshot (an account the ledger never saw). */
  String unknownUserId(SplittableRandom r) {
    return userId((long) users + (1L << 20) + r.nextInt(1 << 20));
  }

  /**
   * Creators who are minors on some day of the run, and so never spend: about 1% of the ordinary
   * creators, the UNDERAGE edge case, and the one who turns 18 during the run. A pure function of
   * (seed, idx).
   */
  boolean minorCreator(int idx) {
    return idx < creators
        && (idx == UNDERAGE
            || idx == TURNS_18
            || idx > NO_PAYOUT_METHOD && Mix.unit(Mix.key(seed, 0x311A0L, idx)) < 0.01);
  }

  boolean isCreator(int idx) {
    return idx < creators;
  }

  int activeUsers(int day) {
    return activeUsers[day];
  }

  /** Day the account first appears in an accounts snapshot (0 for the base population). */
  int signupDay(int idx) {
    return idx < baseUsers ? 0 : signupDay[idx - baseUsers];
  }

  String country(int idx) {
    return COUNTRIES[country[idx]];
  }

  String localCurrency(int idx) {
    return COUNTRY_CURRENCY[country[idx]];
  }

  int tier(int idx) {
    return tier[idx];
  }

  String randomCountry(SplittableRandom r) {
    return COUNTRIES[
        Mix.search(
            countryCum, countryCum.length, r.nextDouble() * countryCum[countryCum.length - 1])];
  }

  /** A gift sender active on day d, weighted by spend intensity. */
  int sampleSender(SplittableRandom r, int day) {
    int n = activeUsers[day];
    if (n > baseUsers) {
      double baseTotal = senderCum[baseUsers - 1];
      double x = r.nextDouble() * senderCum[n - 1];
      if (x >= baseTotal) {
        return Mix.search(senderCum, n, x);
      }
    }
    return baseSenders.sample(r);
  }

  int sampleCreator(SplittableRandom r) {
    return creatorAlias.sample(r);
  }

  /**
   * A creator for a gift from sender: mostly one of the sender's three favourites, never the
   * sender.
   */
  int pickCreator(SplittableRandom r, int sender) {
    int c;
    if (r.nextDouble() < 0.65) {
      long h = Mix.key(seed, 0xFA7L, sender, r.nextInt(3));
      c = creatorAlias.sample(h);
    } else {
      c = sampleCreator(r);
    }
    if (c == sender) {
      c = (c + 1) % creators;
    }
    return c;
  }

  int sampleGift(SplittableRandom r, int tier) {
    double[] cum = giftCum[tier];
    return Mix.search(cum, cum.length, r.nextDouble() * cum[cum.length - 1]);
  }

  private long userBits(int idx) {
    return Mix.key(seed, 0xB175L, idx);
  }

  String deviceId(int idx, SplittableRandom r) {
    long bits = userBits(idx);
    int devices = (bits & 7) == 0 ? 3 : (bits & 3) == 0 ? 2 : 1;
    int k = devices == 1 ? 0 : r.nextInt(devices);
    return "dv-" + Mix.hex(Mix.key(seed, 0xDE71CEL, idx, k), 14);
  }

  String paymentFingerprint(int idx, SplittableRandom r) {
    long bits = userBits(idx);
    boolean twoCards = ((bits >>> 8) & 7) == 0; // about 1 in 8 buyers uses a second card
    int k = twoCards && r.nextDouble() < 0.35 ? 1 : 0;
    return "pf-" + Mix.hex(Mix.key(seed, 0xCA7DL, idx, k), 16);
  }

  /** The user's phone platform for in-app purchases. */
  String platform(int idx) {
    return ((userBits(idx) >>> 16) % 100) < 45 ? "ios" : "android";
  }

  /**
   * The accounts row of user idx as seen in the snapshot of day {@code snapshotDay}: user_id,
   * created_at, birth_date, country, is_creator, kyc_verified, payout_currency, payout_method,
   * agency_id.
   */
  Object[] accountRow(int idx, int snapshotDay) {
    SplittableRandom r = userRng(idx, 2);
    LocalDate start = schedule.start;
    long createdAt;
    if (idx < baseUsers) {
      createdAt =
          schedule.dayStartMs(0)
              - (1 + r.nextInt(1400)) * Schedule.DAY_MS
              + r.nextInt((int) Schedule.DAY_MS);
    } else {
      createdAt = schedule.dayStartMs(signupDay(idx) - 1) + r.nextInt((int) Schedule.DAY_MS);
    }
    boolean creator = isCreator(idx);
    LocalDate birth;
    double ub = r.nextDouble();
    int years = 18 + r.nextInt(creator ? 28 : 43);
    int extraDays = r.nextInt(365);
    if (creator && idx == FEB29) {
      int y = start.getYear() - 18;
      while (!Year.isLeap(y)) {
        y--;
      }
      birth = LocalDate.of(y, Month.FEBRUARY, 29);
    } else if (creator && idx == TURNS_18) {
      int k = Math.min(schedule.days - 1, 1 + r.nextInt(Math.max(1, schedule.days - 1)));
      birth = start.plusDays(k).minusYears(18);
    } else if (creator && idx == UNDERAGE) {
      birth = start.minusYears(16).minusDays(r.nextInt(300));
    } else if (creator && idx == NO_BIRTH_DATE) {
      birth = null;
    } else if (minorCreator(idx)) {
      // Minor creators exist (they are not paid: UNDERAGE) but never spend. Minors who spend are a
      // risk by the business's own definition, so they appear only as the underage_spending
      // pattern.
      birth =
          start.minusYears(14 + r.nextInt(4)).minusDays(r.nextInt(300)); // minor, not 18 this week
    } else if (ub < (creator ? 0.02 : 0.15)) {
      birth = null;
    } else {
      birth = start.minusYears(years).minusDays(extraDays);
    }
    boolean kyc;
    String payoutCurrency = null;
    String payoutMethod = null;
    String agency = null;
    double uk = r.nextDouble();
    double uf = r.nextDouble();
    double um = r.nextDouble();
    double ua = r.nextDouble();
    int agencyNo = r.nextInt(Math.max(1, creators / 25));
    if (creator) {
      if (idx == NO_KYC) {
        kyc = false;
      } else if (idx == KYC_LATER) {
        kyc = snapshotDay >= schedule.kycFlipDay;
      } else if (uk < 0.08) {
        kyc = uf < 0.25 && snapshotDay >= schedule.kycFlipDay;
      } else {
        kyc = true;
      }
      String local = localCurrency(idx);
      payoutCurrency = local == null ? "USD" : local;
      if (idx != NO_PAYOUT_METHOD && um >= 0.02) {
        payoutMethod = um < 0.70 ? "bank" : "paypal";
      }
      if (ua < 0.35) {
        agency = "ag-" + (100 + agencyNo);
      }
    } else {
      kyc = uk < 0.05;
    }
    return new Object[] {
      userId(idx),
      createdAt,
      birth,
      country(idx),
      creator,
      kyc,
      payoutCurrency,
      payoutMethod,
      agency
    };
  }
}
