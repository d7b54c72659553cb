package io.giftpay.sample.patterns;

import java.util.SplittableRandom;

/**
 * Look-alike of overspending/laundering: an old account spending very much, but steadily, on
 * (nearly) every day, with its one card (a few whales keep a second one).
 */
public final class Whale extends PlannedPattern {
  public static final String NAME = "whale";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "look-alike of overspending_baseline and stolen_card_laundering: an account created 90-2,000 days "
        + "before the start that on day 0 and on 75-100% of the other days buys coins_6607 packs or web "
        + "amounts with its own device and card (30% of whales: a second card of its own for about a "
        + "third of the purchases) and gifts a daily amount around its own level within 10,000-120,000 "
        + "coins (+-20%), Galaxy..Lion, to its three favourite creators over an evening starting 14:00-19:00 "
        + "UTC; 0.7 per 1,000 users, min 1";
  }

  @Override
  void plan(Plan p) {
    int n = p.ctx.lookalikeInstances(0.7, 1);
    for (int i = 0; i < n; i++) {
      SplittableRandom r = p.rng("whale", i);
      String country = Plan.country(r);
      String user = p.newViewer(0, p.oldCreatedAt(r, 90, 2000), p.adultBirth(r), country);
      String device = Plan.newDevice(r);
      String card = Plan.newCard(r);
      String secondCard = r.nextDouble() < 0.3 ? Plan.newCard(r) : null;
      String channel = Plan.platform(r);
      String currency = Plan.currency(r, country, 0.3);
      String[] favourites = {p.popularCreator(r), p.popularCreator(r), p.popularCreator(r)};
      long daily = Plan.between(r, 10, 100) * 1000L;
      double activeShare = Plan.uniform(r, 0.75, 1.0);
      double eveningFrom = Plan.uniform(r, 14, 19);
      boolean web = r.nextDouble() < 0.5;
      long balance = Plan.between(r, 0, 20_000);
      for (int d = 0; d < p.days(); d++) {
        if (d > 0 && r.nextDouble() >= activeShare) {
          continue;
        }
        long target = Math.round(daily * (0.8 + 0.4 * r.nextDouble()));
        long t = p.at(d, eveningFrom, eveningFrom + 1, r);
        while (balance < target) {
          String pay = secondCard != null && r.nextDouble() < 0.33 ? secondCard : card;
          Object[] rc =
              web
                  ? p.rechargeWeb(
                      t, user, 10_000L * Plan.between(r, 2, 6), currency, pay, device, country)
                  : p.rechargePackage(t, user, Plan.P6607, currency, channel, pay, device, country);
          balance += (Long) rc[4];
          t += Plan.between(r, 1, 6) * Plan.MINUTE;
        }
        for (int s = 0; s < 3; s++) {
          balance -=
              p.spend(
                  r,
                  t + s * 70 * Plan.MINUTE,
                  60 * Plan.MINUTE,
                  user,
                  favourites[s],
                  target / 3,
                  r.nextDouble() < 0.4 ? Gifts.BIG_AND_HUGE : Gifts.MID_BIG,
                  device,
                  country);
        }
      }
      p.lookalike(user, "sender");
      p.instances++;
    }
  }
}
