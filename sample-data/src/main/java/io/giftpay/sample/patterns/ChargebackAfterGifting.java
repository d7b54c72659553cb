package io.giftpay.sample.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Accounts that recharge, gift everything on within the hour, then charge the recharges back 1-3
 * days later.
 */
public final class ChargebackAfterGifting extends PlannedPattern {
  public static final String NAME = "chargeback_after_gifting";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "1 account (20%: 2, 10%: 3 on the same day, same creator) created 1-900 days before the start, own "
        + "card and device: 1-5 recharges (coins_1321..coins_6607 or web 2,000-20,000 coins) within half an "
        + "hour, all coins gifted to one generated creator 2-90 minutes later, then the recharges (at "
        + "least the first; each further one skipped with the instance's own chance of 0-30%) charged back "
        + "24 hours to 2-5 days later (each instance its own limit), inside the run; 0.7 per 1,000 users, "
        + "min 1; needs >= 2 days";
  }

  @Override
  void plan(Plan p) {
    if (p.days() < 2) {
      return;
    }
    int n = p.ctx.instances(0.7, 1);
    long runEnd = p.endOfDay(p.days() - 1);
    for (int i = 0; i < n; i++) {
      SplittableRandom r = p.rng("cb", i);
      int d = Plan.between(r, 0, p.days() - 2);
      String creator = p.anyCreator(r);
      double u = r.nextDouble();
      int k = u < 0.7 ? 1 : u < 0.9 ? 2 : 3;
      long maxDelay = Plan.between(r, 48, 120) * Plan.HOUR;
      double skip = Plan.uniform(r, 0, 0.3);
      for (int a = 0; a < k; a++) {
        String country = Plan.country(r);
        String user = p.newViewer(0, p.oldCreatedAt(r, 1, 900), p.adultBirth(r), country);
        String device = Plan.newDevice(r);
        String card = Plan.newCard(r);
        String channel = Plan.platform(r);
        String currency = Plan.currency(r, country, 0.3);
        long t = p.at(d, 0, 21, r);
        List<Object[]> recharges = new ArrayList<>();
        long coins = 0;
        int m = Plan.between(r, 1, 5);
        for (int j = 0; j < m; j++) {
          Object[] rc =
              r.nextDouble() < 0.3
                  ? p.rechargeWeb(
                      t, user, 1000L * Plan.between(r, 2, 20), currency, card, device, country)
                  : p.rechargePackage(
                      t,
                      user,
                      Plan.between(r, Plan.P1321, Plan.P6607),
                      currency,
                      channel,
                      card,
                      device,
                      country);
          recharges.add(rc);
          coins += (Long) rc[4];
          t += Plan.between(r, 1, 7) * Plan.MINUTE;
        }
        p.spend(
            r,
            t + Plan.between(r, 2, 90) * Plan.MINUTE,
            Plan.between(r, 10, 50) * Plan.MINUTE,
            user,
            creator,
            coins,
            Gifts.MID_BIG,
            device,
            country);
        for (int j = 0; j < recharges.size(); j++) {
          Object[] rc = recharges.get(j);
          if (j > 0 && r.nextDouble() < skip) {
            continue;
          }
          long at = (Long) rc[1];
          long latest = Math.min(at + maxDelay, runEnd);
          long when =
              at
                  + 24 * Plan.HOUR
                  + (long) (r.nextDouble() * Math.max(0, latest - at - 24 * Plan.HOUR));
          p.reversal(when, rc, "chargeback");
        }
        p.label(user, "sender");
      }
      p.instances++;
    }
  }
}
