package io.giftpay.sample.patterns;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Look-alike of promo_farming: an established viewer who collects the everyday rewards and gifts
 * them on to a favourite creator within minutes, day after day, on its own.
 */
public final class DailyRewardGifter extends PlannedPattern {
  public static final String NAME = "daily_reward_gifter";

  /** The everyday campaigns of the ordinary population, with the coins each pays. */
  private static final String[] CAMPAIGNS = {"daily-checkin", "watch-10-min"};

  private static final int[][] COINS = {{5, 50}, {10, 100}};

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "look-alike of promo_farming: one established account (a generated viewer 20 days old or more, "
        + "else a new one created 20-1,500 days before the start) that on day 0 and on 60-100% of the other "
        + "days earns 1-3 rewards (daily-checkin 5-50 coins, watch-10-min 10-100 coins, 07:00-22:30 UTC) "
        + "and gifts 70-100% of each within 1-20 minutes (cheap gifts, its own device) to one of its 1-2 "
        + "favourite creators; 1 per 1,000 users, min 1";
  }

  @Override
  void plan(Plan p) {
    int n = p.ctx.lookalikeInstances(1.0, 1);
    Instant established = p.ctx.dayStart(0).minus(Duration.ofDays(20));
    for (int i = 0; i < n; i++) {
      SplittableRandom r = p.rng("daily", i);
      int idx =
          p.pickViewer(r, 6, x -> p.ctx.tier(x) <= 2 && p.ctx.createdAt(x).isBefore(established));
      Plan.Persona v = p.viewer(idx, r, 20, 1500);
      String[] favourites = {p.popularCreator(r), p.popularCreator(r)};
      int favouriteCount = Plan.between(r, 1, 2);
      double activeShare = Plan.uniform(r, 0.6, 1.0);
      double keep = Plan.uniform(r, 0, 0.3);
      int maxDelay = Plan.between(r, 3, 20);
      for (int d = 0; d < p.days(); d++) {
        if (d > 0 && r.nextDouble() >= activeShare) {
          continue;
        }
        long[] times = new long[Plan.between(r, 1, 3)];
        for (int j = 0; j < times.length; j++) {
          times[j] = p.at(d, 7, 22.5, r);
        }
        Arrays.sort(times);
        for (int j = 0; j < times.length; j++) {
          int c = j == 0 ? 0 : r.nextInt(CAMPAIGNS.length);
          long coins = Plan.between(r, COINS[c][0], COINS[c][1]);
          p.reward(times[j], v.user(), CAMPAIGNS[c], coins);
          long gift = Math.round(coins * (1 - keep));
          if (gift > 0) {
            p.spend(
                r,
                times[j] + Plan.between(r, 1, maxDelay) * Plan.MINUTE,
                5 * Plan.MINUTE,
                v.user(),
                favourites[r.nextInt(favouriteCount)],
                gift,
                Gifts.CHEAP,
                v.device(),
                v.country());
          }
        }
      }
      p.lookalike(v.user(), "sender");
      p.instances++;
    }
  }
}
