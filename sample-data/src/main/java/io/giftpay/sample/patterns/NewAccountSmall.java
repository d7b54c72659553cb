package io.giftpay.sample.patterns;

import java.util.SplittableRandom;

/** Look-alike of the fresh-account patterns: a new account with a small, normal start. */
public final class NewAccountSmall extends PlannedPattern {
  public static final String NAME = "new_account_small";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "look-alike of stolen_card_laundering and promo_farming: an account created within a day before its "
        + "first event, buying one coins_65/coins_330 package with its own card and device and sending "
        + "a few cheap gifts to a popular creator, sometimes again on a later day; 1.5 per 1,000 users, "
        + "min 2";
  }

  @Override
  void plan(Plan p) {
    int n = p.ctx.lookalikeInstances(1.5, 2);
    for (int i = 0; i < n; i++) {
      SplittableRandom r = p.rng("newbie", i);
      int d = Plan.between(r, 0, p.days() - 1);
      String country = Plan.country(r);
      long t = p.anytime(d, r);
      String user = p.newViewer(d, p.freshCreatedAt(t, r), p.adultBirth(r), country);
      String device = Plan.newDevice(r);
      String card = Plan.newCard(r);
      String channel = Plan.platform(r);
      String currency = Plan.currency(r, country, 0.4);
      String creator = p.popularCreator(r);
      long balance = 0;
      for (int day = d; day < p.days(); day++) {
        if (day > d && r.nextDouble() < 0.6) {
          continue;
        }
        long at = day == d ? t : p.anytime(day, r);
        if (balance < 50) {
          balance +=
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
        }
        balance -=
            p.spend(
                r,
                at + Plan.between(r, 1, 20) * Plan.MINUTE,
                60 * Plan.MINUTE,
                user,
                creator,
                Math.min(balance, Plan.between(r, 20, 200)),
                Gifts.CHEAP,
                device,
                country);
      }
      p.lookalike(user, "sender");
      p.instances++;
    }
  }
}
