package io.giftpay.sample.patterns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * New accounts (in the snapshots from day 0) whose birth_date makes them 13-17 on every day of the
 * run, recharging and gifting meaningful amounts on 1-5 days, after school or late in the evening.
 */
public final class UnderageSpending extends PlannedPattern {
  public static final String NAME = "underage_spending";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "account aged 13-17 on every day (birth_date), created 1-24 months ago, recharging packages from "
        + "the account's own range within coins_330..coins_3303 (one card, 20% of accounts on the web) and "
        + "gifting a daily amount from its own range within 500-12,000 coins (~USD 7-170) on 1-5 days, in "
        + "the afternoon (13:00-19:00 UTC) or the late evening (19:00-23:00), to one or two favourite "
        + "creators; 1 per 1,000 users, min 1";
  }

  @Override
  void plan(Plan p) {
    int n = p.ctx.instances(1.0, 1);
    LocalDate first = p.ctx.date(0);
    LocalDate last = p.ctx.date(p.days() - 1);
    for (int i = 0; i < n; i++) {
      SplittableRandom r = p.rng("minor", i);
      int age = Plan.between(r, 13, 17);
      LocalDate birth = first.minusYears(age).minusDays(r.nextInt(300));
      if (!birth.plusYears(18).isAfter(last)) {
        birth = last.minusYears(18).plusDays(1 + r.nextInt(30));
      }
      if (birth.plusYears(13).isAfter(first)) {
        birth = first.minusYears(13);
      }
      String country = Plan.country(r);
      String user = p.newViewer(0, p.oldCreatedAt(r, 30, 700), birth, country);
      String device = Plan.newDevice(r);
      String card = Plan.newCard(r);
      boolean web = r.nextDouble() < 0.2;
      String channel = Plan.platform(r);
      String currency = Plan.currency(r, country, 0.4);
      String[] favourites = {p.popularCreator(r), p.popularCreator(r)};
      int lowPack = Plan.between(r, Plan.P330, Plan.P1321);
      int highPack = Plan.between(r, lowPack, Plan.P3303);
      long lo = Plan.between(r, 500, 3000);
      // at most about six of the account's biggest packs a day, so an evening ends before midnight
      long hi =
          Math.min(
              Math.min(12_000, 6 * Plan.PKG_COINS[highPack]), lo + Plan.between(r, 1000, 9000));
      lo = Math.min(lo, hi);
      boolean lateEvening = r.nextDouble() < 0.4;
      List<Integer> days = new ArrayList<>();
      for (int d = 0; d < p.days(); d++) {
        days.add(d);
      }
      int active = Math.min(p.days(), Plan.between(r, 1, 5));
      for (int k = 0; k < active; k++) {
        int d = days.remove(r.nextInt(days.size()));
        long target = lo + (long) (r.nextDouble() * (hi - lo));
        long t = lateEvening ? p.at(d, 19, 21, r) : p.at(d, 13, 17, r);
        long bought = 0;
        for (int j = 0; bought < target; j++) {
          int pkg = j < 3 ? Plan.between(r, lowPack, highPack) : highPack;
          Object[] rc =
              web
                  ? p.rechargeWeb(t, user, Plan.PKG_COINS[pkg], currency, card, device, country)
                  : p.rechargePackage(t, user, pkg, currency, channel, card, device, country);
          bought += (Long) rc[4];
          t += Plan.between(r, 3, 12) * Plan.MINUTE;
        }
        p.spend(
            r,
            t,
            Plan.between(r, 60, 150) * Plan.MINUTE,
            user,
            favourites[r.nextInt(2)],
            bought,
            Gifts.MID_BIG,
            device,
            country);
      }
      p.label(user, "sender");
      p.instances++;
    }
  }
}
