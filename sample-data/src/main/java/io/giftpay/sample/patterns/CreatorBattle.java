package io.giftpay.sample.patterns;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Look-alike of stolen_card_laundering: a "battle" between two creators' live streams, in which
 * many of their fans gift big within a few minutes to push their side ahead. The fans are
 * established viewers paying with their own cards and devices, and nothing is charged back.
 */
public final class CreatorBattle extends PlannedPattern {
  public static final String NAME = "creator_battle";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "look-alike of stolen_card_laundering: two established creators (generated ones when there are "
        + "enough, else new ones created 100-1,500 days before the start) in a battle of 5-15 minutes "
        + "(starting 17:00-22:30 UTC; half the pairs have a rematch 40-90 minutes later or on the next day); "
        + "12-40 fans (generated viewers of spend tier 1 or higher and 60 days old or more, else new ones "
        + "created 60-1,500 days before the start) each take one "
        + "side and gift 1,000-30,000 coins (Galaxy..Lion) within the window from their own device, card and "
        + "country, 70% after topping up (coins_1321..coins_6607 or web) in the 30 minutes before; 60% of "
        + "the fans come back for the rematch; fans listed as sender, both creators as creator; 0.3 battles "
        + "per 1,000 users, min 1";
  }

  @Override
  void plan(Plan p) {
    int n = p.ctx.lookalikeInstances(0.3, 1);
    Instant established = p.ctx.dayStart(0).minus(Duration.ofDays(60));
    for (int i = 0; i < n; i++) {
      SplittableRandom r = p.rng("battle", i);
      Plan.Persona[] sides = {
        p.creator(p.pickCreator(r, 4, 8), r, 100, 1500),
        p.creator(p.pickCreator(r, 4, 8), r, 100, 1500)
      };
      int d = Plan.between(r, 0, p.days() - 1);
      long first = p.at(d, 17, 22.5, r);
      long[] starts = {first, -1};
      if (r.nextDouble() < 0.5) {
        long sameNight = first + Plan.between(r, 40, 90) * Plan.MINUTE;
        if (sameNight + 20 * Plan.MINUTE < p.endOfDay(d)) {
          starts[1] = sameNight;
        } else if (d + 1 < p.days()) {
          starts[1] = p.at(d + 1, 17, 22.5, r);
        }
      }
      long[] windows = {Plan.between(r, 5, 15) * Plan.MINUTE, Plan.between(r, 5, 15) * Plan.MINUTE};
      double firstSide = Plan.uniform(r, 0.35, 0.65);
      int fans = Plan.between(r, 12, 40);
      for (int f = 0; f < fans; f++) {
        int idx =
            p.pickViewer(r, 4, x -> p.ctx.tier(x) >= 1 && p.ctx.createdAt(x).isBefore(established));
        Plan.Persona fan = p.viewer(idx, r, 60, 1500);
        String side = sides[r.nextDouble() < firstSide ? 0 : 1].user();
        String currency = Plan.currency(r, fan.country(), 0.3);
        for (int round = 0; round < 2; round++) {
          if (starts[round] < 0 || (round == 1 && r.nextDouble() >= 0.6)) {
            continue;
          }
          // log-uniform, so most fans give a few thousand coins and a few give tens of thousands
          long budget = (long) (1000 * Math.pow(30, r.nextDouble()));
          if (r.nextDouble() < 0.7) {
            topUp(
                p, r, fan, currency, starts[round] - Plan.between(r, 2, 30) * Plan.MINUTE, budget);
          }
          long offset = (long) (r.nextDouble() * windows[round] / 3);
          p.spend(
              r,
              starts[round] + offset,
              windows[round] - offset,
              fan.user(),
              side,
              budget,
              Gifts.BIG_AND_HUGE,
              fan.device(),
              fan.country());
        }
        p.lookalike(fan.user(), "sender");
      }
      p.lookalike(sides[0].user(), "creator");
      p.lookalike(sides[1].user(), "creator");
      p.instances++;
    }
  }

  /** Coins for the battle, bought just before it with the fan's own card. */
  private static void topUp(
      Plan p, SplittableRandom r, Plan.Persona fan, String currency, long t, long budget) {
    if (r.nextDouble() < 0.3) {
      p.rechargeWeb(
          t,
          fan.user(),
          1000L * ((budget + 999) / 1000),
          currency,
          fan.card(),
          fan.device(),
          fan.country());
      return;
    }
    long bought = 0;
    while (bought < budget) {
      int pkg =
          budget - bought > 3303 ? Plan.P6607 : budget - bought > 1321 ? Plan.P3303 : Plan.P1321;
      bought +=
          (Long)
              p.rechargePackage(
                      t,
                      fan.user(),
                      pkg,
                      currency,
                      fan.channel(),
                      fan.card(),
                      fan.device(),
                      fan.country())[4];
      t += Plan.between(r, 1, 3) * Plan.MINUTE;
    }
  }
}
