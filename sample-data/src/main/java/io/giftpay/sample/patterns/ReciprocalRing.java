package io.giftpay.sample.patterns;

import java.util.SplittableRandom;

/**
 * 3-6 creators gifting each other large amounts in a cycle (A→B→C→…→A) on 2-5 days, each buying the
 * coins with its own card and device. Instance i: a plain cycle on consecutive days (i % 3 == 0), a
 * cycle both ways (i % 3 == 1), a cycle every other day (i % 3 == 2).
 */
public final class ReciprocalRing extends PlannedPattern {
  public static final String NAME = "reciprocal_ring";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "3-6 creators (generated ones when there are enough, else new payable ones), by instance: each "
        + "gifting the next in a cycle on 2-5 consecutive days; the same both ways (the next and the "
        + "previous, splitting the budget); or a cycle every other day (when the run is long enough); "
        + "a daily budget from the ring's own range within 3,000-80,000 coins (Galaxy..Lion), in a window "
        + "of up to 3-6 hours from 10:00-16:00 UTC (ending by 20:00), bought with its own card and device "
        + "(web custom amounts or coins_6607); each creator labelled twice (role creator and role sender); "
        + "0.5 per 1,000 users, min 1";
  }

  @Override
  void plan(Plan p) {
    int n = p.ctx.instances(0.5, 1);
    for (int i = 0; i < n; i++) {
      SplittableRandom r = p.rng("ring", i);
      int k = Plan.between(r, 3, 6);
      Plan.Persona[] ring = new Plan.Persona[k];
      for (int c = 0; c < k; c++) {
        ring[c] = p.creator(p.pickCreator(r, 1), r, 30, 900);
      }
      // instance 0 a plain cycle, 1 a cycle both ways, 2 a cycle every other day (when the run is
      // long enough)
      boolean both = i % 3 == 1;
      int lo = Plan.between(r, 3, 20);
      int hi = Math.min(80, lo * Plan.between(r, 2, 4));
      double from = Plan.uniform(r, 10, 16);
      double to =
          Math.min(20, from + Plan.uniform(r, 3, 6)); // buying 80,000 coins in packs takes 2 h more
      int span = Math.min(p.days(), Plan.between(r, 2, 5));
      int step = i % 3 == 2 && 2 * span - 1 <= p.days() ? 2 : 1;
      int d0 = Plan.between(r, 0, p.days() - 1 - (span - 1) * step);
      for (int s = 0; s < span; s++) {
        int d = d0 + s * step;
        for (int c = 0; c < k; c++) {
          Plan.Persona me = ring[c];
          long budget = Plan.between(r, lo, hi) * 1000L;
          long t = p.at(d, from, to, r);
          long coins = 0;
          String currency = Plan.currency(r, me.country(), 0.3);
          while (coins < budget) {
            Object[] rc =
                r.nextDouble() < 0.5
                    ? p.rechargeWeb(
                        t,
                        me.user(),
                        Math.min(80_000, 10 * ((budget - coins + 9) / 10)),
                        currency,
                        me.card(),
                        me.device(),
                        me.country())
                    : p.rechargePackage(
                        t,
                        me.user(),
                        Plan.P6607,
                        currency,
                        me.channel(),
                        me.card(),
                        me.device(),
                        me.country());
            coins += (Long) rc[4];
            t += Plan.between(r, 1, 10) * Plan.MINUTE;
          }
          String next = ring[(c + 1) % k].user();
          String previous = ring[(c + k - 1) % k].user();
          long toNext = both ? budget / 2 : budget;
          p.spend(
              r,
              t + 5 * Plan.MINUTE,
              Plan.between(r, 1, 3) * Plan.HOUR,
              me.user(),
              next,
              toNext,
              Gifts.BIG_AND_HUGE,
              me.device(),
              me.country());
          if (both) {
            p.spend(
                r,
                t + 10 * Plan.MINUTE,
                Plan.between(r, 1, 3) * Plan.HOUR,
                me.user(),
                previous,
                budget - toNext,
                Gifts.BIG_AND_HUGE,
                me.device(),
                me.country());
          }
        }
      }
      for (Plan.Persona c : ring) {
        p.label(c.user(), "creator");
        p.label(c.user(), "sender");
      }
      p.instances++;
    }
  }
}
