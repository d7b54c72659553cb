package io.giftpay.sample.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Look-alike of stolen_card_laundering and promo_farming: a new account that buys one pack on its
 * first day and gifts it on at once, with its own card; nothing is charged back.
 */
public final class NewcomerFirstPack extends PlannedPattern {
  public static final String NAME = "newcomer_first_pack";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "look-alike of stolen_card_laundering and promo_farming: an account created on a snapshot day, 10 "
        + "minutes to 4 hours before it buys one pack (coins_330..coins_3303, or web 1,000-5,000 coins) with "
        + "its own new card and device, then gifts 70-100% of it within 1-3 hours (mid and big gifts) to one "
        + "creator (usually a popular one) that same day; 40% come back on a later day with a "
        + "coins_65/coins_330 and small gifts; 1 per 1,000 users, min 1";
  }

  @Override
  void plan(Plan p) {
    int n = p.ctx.lookalikeInstances(1.0, 1);
    // a snapshot day, so the account is listed on the day it is created
    List<Integer> signupDays = new ArrayList<>();
    for (int d = 0; d < p.days(); d++) {
      if (p.ctx.isAccountsSnapshotDay(d)) {
        signupDays.add(d);
      }
    }
    for (int i = 0; i < n; i++) {
      SplittableRandom r = p.rng("newcomer", i);
      int d = Plan.pick(r, signupDays);
      long t = p.at(d, 8, 21, r);
      String country = Plan.country(r);
      String user =
          p.newViewer(d, t - Plan.between(r, 10, 240) * Plan.MINUTE, p.adultBirth(r), country);
      String device = Plan.newDevice(r);
      String card = Plan.newCard(r);
      String channel = Plan.platform(r);
      String currency = Plan.currency(r, country, 0.4);
      Object[] rc =
          r.nextDouble() < 0.25
              ? p.rechargeWeb(
                  t, user, 100L * Plan.between(r, 10, 50), currency, card, device, country)
              : p.rechargePackage(
                  t,
                  user,
                  Plan.between(r, Plan.P330, Plan.P3303),
                  currency,
                  channel,
                  card,
                  device,
                  country);
      String creator = r.nextDouble() < 0.8 ? p.popularCreator(r) : p.anyCreator(r);
      p.spend(
          r,
          t + Plan.between(r, 1, 20) * Plan.MINUTE,
          Plan.between(r, 60, 180) * Plan.MINUTE,
          user,
          creator,
          Math.round((Long) rc[4] * Plan.uniform(r, 0.7, 1.0)),
          Gifts.MID_BIG,
          device,
          country);
      if (d < p.days() - 1 && r.nextDouble() < 0.4) {
        int later = Plan.between(r, d + 1, p.days() - 1);
        long at = p.anytime(later, r);
        long coins =
            (Long)
                p.rechargePackage(
                        at,
                        user,
                        r.nextDouble() < 0.6 ? Plan.P65 : Plan.P330,
                        currency,
                        channel,
                        card,
                        device,
                        country)[4];
        p.spend(
            r,
            at + Plan.between(r, 1, 20) * Plan.MINUTE,
            40 * Plan.MINUTE,
            user,
            creator,
            Math.min(coins, Plan.between(r, 20, 200)),
            Gifts.SMALL,
            device,
            country);
      }
      p.lookalike(user, "sender");
      p.instances++;
    }
  }
}
