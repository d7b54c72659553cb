package io.giftpay.sample.patterns;

import java.util.SplittableRandom;

/** Look-alike of reciprocal_ring: two creators sending each other small gifts now and then. */
public final class CreatorsGiftingSmall extends PlannedPattern {
  public static final String NAME = "creators_gifting_small";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "look-alike of reciprocal_ring: two creators (generated ones when there are enough, else new ones) "
        + "each buying a small package and sending the other 20-500 coins of small gifts (each pair its "
        + "own ceiling) on 1-4 days (a pair, not a cycle of 3-6, and small amounts); both listed with role "
        + "creator; 0.5 pairs per 1,000 users, min 1";
  }

  @Override
  void plan(Plan p) {
    int n = p.ctx.lookalikeInstances(0.5, 1);
    for (int i = 0; i < n; i++) {
      SplittableRandom r = p.rng("pair", i);
      Plan.Persona[] pair = {
        p.creator(p.pickCreator(r, 3), r, 30, 900), p.creator(p.pickCreator(r, 3), r, 30, 900)
      };
      int ceiling = Plan.between(r, 100, 500);
      int active = Math.min(p.days(), Plan.between(r, 1, 4));
      int d0 = Plan.between(r, 0, p.days() - active);
      for (int d = d0; d < d0 + active; d++) {
        for (int c = 0; c < 2; c++) {
          if (d > d0 && r.nextDouble() < 0.4) {
            continue;
          }
          Plan.Persona me = pair[c];
          long t = p.at(d, 15, 22, r);
          long coins =
              (Long)
                  p.rechargePackage(
                          t,
                          me.user(),
                          r.nextDouble() < 0.6 ? Plan.P65 : Plan.P330,
                          "USD",
                          me.channel(),
                          me.card(),
                          me.device(),
                          me.country())[4];
          p.spend(
              r,
              t + Plan.between(r, 2, 30) * Plan.MINUTE,
              40 * Plan.MINUTE,
              me.user(),
              pair[1 - c].user(),
              Math.min(coins, Plan.between(r, 20, ceiling)),
              Gifts.SMALL,
              me.device(),
              me.country());
        }
      }
      p.lookalike(pair[0].user(), "creator");
      p.lookalike(pair[1].user(), "creator");
      p.instances++;
    }
  }
}
