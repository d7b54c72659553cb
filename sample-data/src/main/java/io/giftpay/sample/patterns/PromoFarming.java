package io.giftpay.sample.patterns;

import java.util.SplittableRandom;

/**
 * A farm of new accounts earning reward coins from one campaign and turning them into gifts to one
 * creator within minutes, with little or no recharge. Farms differ in size, reward sizes, sign-up
 * tempo and how the rewards are turned into gifts (instance i gets {@link #ORDER}[i % 4]): all at
 * once after the last reward, or each reward as it comes; sign-ups in a burst of an hour or two, or
 * spread over the day and the next.
 */
public final class PromoFarming extends PlannedPattern {
  public static final String NAME = "promo_farming";

  private static final String[] CAMPAIGNS = {
    "invite-a-friend", "live-challenge-nov", "watch-10-min"
  };

  /** Reward menus: a campaign paying a few big rewards, or many small ones. */
  private static final long[][] REWARDS = {{50, 100, 100, 200}, {10, 20, 20, 50}};

  /**
   * Batch: every reward first, then all gifted. Drip: each reward gifted within minutes of
   * arriving.
   */
  enum Conversion {
    BATCH,
    DRIP
  }

  /**
   * Burst: the accounts sign up within 1-2 hours. Spread: over 5-14 hours, some on the next day.
   */
  enum Signup {
    BURST,
    SPREAD
  }

  record Variant(Conversion conversion, Signup signup) {}

  static final Variant[] ORDER = {
    new Variant(Conversion.BATCH, Signup.SPREAD),
    new Variant(Conversion.DRIP, Signup.BURST),
    new Variant(Conversion.DRIP, Signup.SPREAD),
    new Variant(Conversion.BATCH, Signup.BURST)
  };

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "10-25 fresh accounts (created within a day before their first event) each earning rewards from the "
        + "same campaign (2-5 of 50-200 coins, or 3-8 of 10-50 coins, 2-40 minutes apart) and gifting "
        + "85-100% of them (small gifts) within minutes to one creator (new, payable, created 7-400 days "
        + "before the start); by instance (batch+spread, drip+burst, drip+spread, batch+burst): the "
        + "rewards are gifted 1-10 minutes after the last one, or each 1-5 minutes after it arrives; the "
        + "accounts sign up within 1-2 hours, or over 5-14 hours (up to 40% the next day); 0-30% of the "
        + "accounts also buy one coins_65; half the farms use a pool of shared devices (one per 2-6 "
        + "accounts); senders and creator labelled; 0.5 per 1,000 users, min 1";
  }

  @Override
  void plan(Plan p) {
    int n = p.ctx.instances(0.5, 1);
    for (int i = 0; i < n; i++) {
      SplittableRandom r = p.rng("promo", i);
      Variant v = Plan.variant(ORDER, i);
      String campaign = CAMPAIGNS[r.nextInt(CAMPAIGNS.length)];
      long[] menu = REWARDS[r.nextInt(REWARDS.length)];
      String country = Plan.country(r);
      String creator = p.newCreator(0, p.oldCreatedAt(r, 7, 400), country, r);
      int k = Plan.between(r, 10, 25);
      boolean sharedDevices = r.nextDouble() < 0.5;
      String[] pool = new String[(k + 1) / Plan.between(r, 2, 6) + 1];
      for (int j = 0; j < pool.length; j++) {
        pool[j] = Plan.newDevice(r);
      }
      double buyerShare = Plan.uniform(r, 0, 0.3);
      double keep = Plan.uniform(r, 0, 0.15);
      int maxGap = Plan.between(r, 5, 40);
      int d0 = Plan.between(r, 0, p.days() - 1);
      double from = v.signup() == Signup.BURST ? Plan.uniform(r, 2, 14) : 2;
      double to =
          v.signup() == Signup.BURST ? from + Plan.uniform(r, 1, 2) : 2 + Plan.uniform(r, 5, 14);
      double nextDayShare = v.signup() == Signup.SPREAD ? Plan.uniform(r, 0, 0.4) : 0;
      for (int a = 0; a < k; a++) {
        int d = Math.min(p.days() - 1, d0 + (r.nextDouble() < nextDayShare ? 1 : 0));
        long t = p.at(d, from, to, r);
        String user = p.newViewer(d, p.freshCreatedAt(t, r), p.adultBirth(r), country);
        String device = sharedDevices ? pool[r.nextInt(pool.length)] : Plan.newDevice(r);
        int m = menu[0] >= 50 ? Plan.between(r, 2, 5) : Plan.between(r, 3, 8);
        long earned = 0;
        for (int j = 0; j < m; j++) {
          long c = menu[r.nextInt(menu.length)];
          p.reward(t, user, campaign, c);
          earned += c;
          if (v.conversion() == Conversion.DRIP) {
            p.spend(
                r,
                t + Plan.between(r, 1, 5) * Plan.MINUTE,
                2 * Plan.MINUTE,
                user,
                creator,
                Math.round(c * (1 - keep)),
                Gifts.SMALL,
                device,
                country);
            earned -= c;
          }
          if (j < m - 1) {
            t += Plan.between(r, 2, Math.max(8, maxGap)) * Plan.MINUTE;
          }
        }
        if (r.nextDouble() < buyerShare) {
          earned +=
              (Long)
                  p.rechargePackage(
                          t + Plan.MINUTE,
                          user,
                          Plan.P65,
                          "USD",
                          Plan.platform(r),
                          Plan.newCard(r),
                          device,
                          country)[4];
        }
        if (earned > 0) {
          p.spend(
              r,
              t + Plan.between(r, 2, 10) * Plan.MINUTE,
              Plan.between(r, 5, 30) * Plan.MINUTE,
              user,
              creator,
              Math.round(earned * (1 - keep)),
              Gifts.SMALL,
              device,
              country);
        }
        p.label(user, "sender");
      }
      p.label(creator, "creator");
      p.instances++;
    }
  }
}
