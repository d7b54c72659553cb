package io.giftpay.sample.patterns;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Look-alike of overspending_baseline: a light viewer with one big night (a birthday, a payday),
 * paid in one to three packs with its usual card and device. Even instances have the night on the
 * viewer's birthday.
 */
public final class BigNight extends PlannedPattern {
  public static final String NAME = "big_night";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "look-alike of overspending_baseline: a light viewer (a generated adult of spend tier 0-1, 30 days "
        + "old or more, else a new adult created 100-1,500 days before the start) with a small habit "
        + "(20-200 coins) on 30-70% of the other days and one big night (from 19:00-21:00 UTC) on which it "
        + "buys 1-3 packs (coins_1321..coins_6607) with its usual card and device and gifts a budget of "
        + "2,000-15,000 coins to 1-3 favourite creators over 1-3 hours; every other instance has that night "
        + "on its birthday (birth_date's month and day: a generated viewer whose birthday is in the run, "
        + "else a new one born on that day); 0.7 per 1,000 users, min 1";
  }

  @Override
  void plan(Plan p) {
    int n = p.ctx.lookalikeInstances(0.7, 1);
    LocalDate first = p.ctx.date(0);
    Instant established = p.ctx.dayStart(0).minus(Duration.ofDays(30));
    for (int i = 0; i < n; i++) {
      SplittableRandom r = p.rng("bignight", i);
      boolean birthday = i % 2 == 0;
      int idx =
          p.pickViewer(
              r,
              5,
              x ->
                  p.ctx.tier(x) <= 1
                      && p.ctx.birthDate(x) != null
                      && p.ctx.createdAt(x).isBefore(established)
                      && !p.ctx.birthDate(x).plusYears(19).isAfter(first)
                      && (!birthday || birthdayIn(p, x) >= 0));
      int night;
      Plan.Persona v;
      if (idx >= 0) {
        v = p.viewer(idx, r, 0, 0);
        night = birthday ? birthdayIn(p, idx) : Plan.between(r, 0, p.days() - 1);
      } else {
        night = Plan.between(r, 0, p.days() - 1);
        // a multiple of four years back, so a 29 February night is a real birthday too
        LocalDate birth =
            birthday ? p.ctx.date(night).minusYears(4L * Plan.between(r, 5, 12)) : p.adultBirth(r);
        String country = Plan.country(r);
        String user = p.newViewer(0, p.oldCreatedAt(r, 100, 1500), birth, country);
        v = new Plan.Persona(user, Plan.newDevice(r), Plan.newCard(r), country, Plan.platform(r));
      }
      String currency = Plan.currency(r, v.country(), 0.3);
      String[] favourites = new String[Plan.between(r, 1, 3)];
      for (int f = 0; f < favourites.length; f++) {
        favourites[f] = p.popularCreator(r);
      }
      double activeShare = Plan.uniform(r, 0.3, 0.7);
      long balance = 0;
      long[] spent = {0};
      for (int d = 0; d < p.days(); d++) {
        if (d != night && r.nextDouble() < activeShare) {
          balance =
              p.habitDay(
                  r,
                  d,
                  v.user(),
                  favourites,
                  Plan.between(r, 20, 200),
                  balance,
                  v.device(),
                  v.card(),
                  v.channel(),
                  currency,
                  v.country(),
                  spent);
        }
      }
      bigNight(p, r, v, currency, night, favourites);
      p.lookalike(v.user(), "sender");
      p.instances++;
    }
  }

  /**
   * 1-3 packs bought through the evening (the later ones as the first runs out), gifted to
   * favourites in turn.
   */
  private static void bigNight(
      Plan p, SplittableRandom r, Plan.Persona v, String currency, int night, String[] favourites) {
    long budget = Plan.between(r, 2000, 15000);
    int packs = Plan.between(r, 1, 3);
    int pkg = Plan.P1321;
    while (pkg < Plan.P6607 && Plan.PKG_COINS[pkg] * packs < budget) {
      pkg++;
    }
    long t = p.at(night, 19, 21, r);
    long from = t + 5 * Plan.MINUTE;
    long bought = 0;
    for (int j = 0; j < packs; j++) {
      bought +=
          (Long)
              p.rechargePackage(
                      t, v.user(), pkg, currency, v.channel(), v.card(), v.device(), v.country())[
                  4];
      t += Plan.between(r, 15, 50) * Plan.MINUTE;
    }
    long total = Math.min(budget, bought);
    long span = Plan.between(r, 60, 180) * Plan.MINUTE / favourites.length;
    for (int f = 0; f < favourites.length; f++) {
      p.spend(
          r,
          from + f * span,
          span,
          v.user(),
          favourites[f],
          total / favourites.length,
          Gifts.MID_BIG,
          v.device(),
          v.country());
    }
  }

  /** The day of the run on which generated viewer idx has its birthday, or -1. */
  private static int birthdayIn(Plan p, int idx) {
    LocalDate birth = p.ctx.birthDate(idx);
    for (int d = 0; d < p.days(); d++) {
      LocalDate day = p.ctx.date(d);
      if (day.getMonthValue() == birth.getMonthValue()
          && day.getDayOfMonth() == birth.getDayOfMonth()) {
        return d;
      }
    }
    return -1;
  }
}
