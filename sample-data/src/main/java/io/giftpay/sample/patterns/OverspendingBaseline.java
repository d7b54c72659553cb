package io.giftpay.sample.patterns;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * A viewer spending far beyond their own means on one night, same device, card and country
 * throughout. Four shapes (instance i gets {@link #ORDER}[i % 4]): the baseline (a steady small
 * habit, then a few big packages on a later evening), and three with little or no history, which
 * top up pack after pack within a few hours: on the first night of the ledger, a light viewer with
 * one small earlier day, and an account a week old.
 */
public final class OverspendingBaseline extends PlannedPattern {
  public static final String NAME = "overspending_baseline";

  enum Variant {
    /** Small daily habit, spike day in the second half of the run; needs 3 days. */
    BASELINE(3),
    /** An established account with no history in the ledger, spiking on day 0. */
    FIRST_NIGHT(1),
    /** A generated low spender with one small pattern day before the spike; needs 2 days. */
    LIGHT_VIEWER(2),
    /** Created 5-9 days before its spike, half of them with one small first purchase before it. */
    WEEK_OLD(1);

    final int minDays;

    Variant(int minDays) {
      this.minDays = minDays;
    }
  }

  static final Variant[] ORDER = {
    Variant.BASELINE, Variant.FIRST_NIGHT, Variant.LIGHT_VIEWER, Variant.WEEK_OLD
  };

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "adult viewer, same device, card and country throughout, by instance: baseline = generated low "
        + "spender (account 30 days old or more) with a small daily habit (about 50-250 coins a day, small "
        + "packages, two favourite creators) before a spike day (day 3 or later) on which they buy big "
        + "packages (coins_1321..coins_6607) and gift 15-50x their usual daily coins to a favourite in one "
        + "evening; first night = account created 30-1,500 days before the start with no earlier event, "
        + "spiking on day 0; light viewer = generated low spender (30 days old or more) with one small day "
        + "(20-150 coins) before the spike; week old = account created 5-9 days before its spike (up to "
        + "half bought one coins_65 and sent a few cheap gifts on an earlier day); the last three spike by "
        + "topping up 6-14 packs (coins_330..coins_3303) within 1.5-4 hours from 17:00-19:30 UTC, each "
        + "gifted to one favourite within minutes; 1 per 1,000 users, min 1; a shape needing more days "
        + "than the run has becomes first night";
  }

  @Override
  void plan(Plan p) {
    int n = p.ctx.instances(1.0, 1);
    for (int i = 0; i < n; i++) {
      SplittableRandom r = p.rng("victim", i);
      Variant v = Plan.variant(ORDER, i);
      if (v.minDays > p.days()) {
        v = Variant.FIRST_NIGHT;
      }
      String user =
          switch (v) {
            case BASELINE -> baseline(p, r);
            case FIRST_NIGHT -> firstNight(p, r);
            case LIGHT_VIEWER -> lightViewer(p, r);
            case WEEK_OLD -> weekOld(p, r);
          };
      p.label(user, "sender");
      p.instances++;
    }
  }

  /**
   * A generated adult low spender of 30 days or more (else a new established adult), for baseline
   * and light.
   */
  private static Plan.Persona lowSpender(Plan p, SplittableRandom r) {
    LocalDate first = p.ctx.date(0);
    Instant month = p.ctx.dayStart(0).minus(Duration.ofDays(30));
    int idx =
        p.pickViewer(
            r,
            1,
            x ->
                p.ctx.tier(x) == 0
                    && p.ctx.birthDate(x) != null
                    && !p.ctx.birthDate(x).plusYears(19).isAfter(first)
                    && p.ctx.createdAt(x).isBefore(month));
    return p.viewer(idx, r, 200, 1500);
  }

  private static String baseline(Plan p, SplittableRandom r) {
    Plan.Persona v = lowSpender(p, r);
    String currency = Plan.currency(r, v.country(), 0.3);
    String[] favourites = {p.popularCreator(r), p.popularCreator(r)};
    int spikeDay = Plan.between(r, Math.max(2, p.days() / 2), p.days() - 1);
    long daily = Plan.between(r, 50, 250);
    long balance = Plan.between(r, 0, 200);
    long[] usual = {0};
    for (int d = 0; d < spikeDay; d++) {
      if (d > 1 && r.nextDouble() < 0.15) {
        continue; // a day off now and then
      }
      long target = Math.round(daily * (0.7 + 0.6 * r.nextDouble()));
      balance =
          p.habitDay(
              r,
              d,
              v.user(),
              favourites,
              target,
              balance,
              v.device(),
              v.card(),
              v.channel(),
              currency,
              v.country(),
              usual);
    }
    long usualDaily = Math.max(30, usual[0] / spikeDay);
    long target = Math.round(usualDaily * (15 + 35 * r.nextDouble()));
    long t = p.at(spikeDay, 18, 20.5, r);
    long firstRecharge = t;
    long bought = balance;
    while (bought < target) {
      int pkg =
          target - bought > 5000 ? Plan.P6607 : target - bought > 2000 ? Plan.P3303 : Plan.P1321;
      bought +=
          (Long)
              p.rechargePackage(
                      t, v.user(), pkg, currency, v.channel(), v.card(), v.device(), v.country())[
                  4];
      t += Plan.between(r, 4, 35) * Plan.MINUTE;
    }
    p.spend(
        r,
        firstRecharge + 10 * Plan.MINUTE,
        3 * Plan.HOUR,
        v.user(),
        favourites[0],
        Math.min(target, bought),
        Gifts.MID_BIG,
        v.device(),
        v.country());
    return v.user();
  }

  private static String firstNight(Plan p, SplittableRandom r) {
    Plan.Persona v = p.viewer(-1, r, 30, 1500);
    topUpNight(p, r, v, 0, p.popularCreator(r));
    return v.user();
  }

  private static String lightViewer(Plan p, SplittableRandom r) {
    Plan.Persona v = lowSpender(p, r);
    String[] favourites = {p.popularCreator(r)};
    int spikeDay = Plan.between(r, 1, p.days() - 1);
    int earlier = Plan.between(r, 0, spikeDay - 1);
    p.habitDay(
        r,
        earlier,
        v.user(),
        favourites,
        Plan.between(r, 20, 150),
        0,
        v.device(),
        v.card(),
        v.channel(),
        Plan.currency(r, v.country(), 0.3),
        v.country(),
        new long[1]);
    topUpNight(p, r, v, spikeDay, favourites[0]);
    return v.user();
  }

  private static String weekOld(Plan p, SplittableRandom r) {
    int spikeDay = Plan.between(r, 0, p.days() - 1);
    long spikeFrom = p.dayStart(spikeDay) + 17 * Plan.HOUR;
    long created = spikeFrom - Plan.between(r, 5, 8) * Plan.DAY - r.nextInt((int) Plan.DAY);
    int listed = p.firstListedDay(created);
    // the one small first purchase, on the first day the account is listed, when that is before the
    // spike
    boolean early =
        listed < spikeDay && created < p.endOfDay(listed) - 3 * Plan.HOUR && r.nextDouble() < 0.5;
    String country = Plan.country(r);
    String user = p.newViewer(early ? listed : spikeDay, created, p.adultBirth(r), country);
    Plan.Persona v =
        new Plan.Persona(user, Plan.newDevice(r), Plan.newCard(r), country, Plan.platform(r));
    String creator = p.popularCreator(r);
    if (early) {
      long t =
          Math.max(created + 10 * Plan.MINUTE, p.dayStart(listed))
              + Plan.between(r, 0, 120) * Plan.MINUTE;
      long coins =
          (Long)
              p.rechargePackage(
                      t, user, Plan.P65, "USD", v.channel(), v.card(), v.device(), country)[4];
      p.spend(
          r,
          t + Plan.between(r, 1, 10) * Plan.MINUTE,
          30 * Plan.MINUTE,
          user,
          creator,
          coins,
          Gifts.CHEAP,
          v.device(),
          country);
    }
    topUpNight(p, r, v, spikeDay, creator);
    return user;
  }

  /**
   * 6-14 packs bought one after another within 1.5-4 hours of an evening, each gifted on within
   * minutes.
   */
  private static void topUpNight(
      Plan p, SplittableRandom r, Plan.Persona v, int day, String creator) {
    String currency = Plan.currency(r, v.country(), 0.3);
    int packs = Plan.between(r, 6, 14);
    long window = (long) (Plan.uniform(r, 1.5, 4) * Plan.HOUR);
    long start = p.at(day, 17, 19.5, r);
    int lo = r.nextDouble() < 0.5 ? Plan.P330 : Plan.P660;
    int hi = r.nextDouble() < 0.5 ? Plan.P1321 : Plan.P3303;
    // uneven steps scaled to the window, so the night ends before midnight whatever the draws
    double[] at = new double[packs];
    double sum = 0;
    for (int j = 0; j < packs; j++) {
      sum += Plan.uniform(r, 0.5, 1.5);
      at[j] = sum;
    }
    long step = window / packs;
    for (int j = 0; j < packs; j++) {
      long t = start + Math.round(window * (at[j] - at[0]) / sum);
      long coins =
          (Long)
              p.rechargePackage(
                      t,
                      v.user(),
                      Plan.between(r, lo, hi),
                      currency,
                      v.channel(),
                      v.card(),
                      v.device(),
                      v.country())[4];
      p.spend(
          r,
          t + Plan.between(r, 1, 4) * Plan.MINUTE,
          Math.min(10 * Plan.MINUTE, step / 2),
          v.user(),
          creator,
          coins,
          Gifts.MID_BIG,
          v.device(),
          v.country());
    }
  }
}
