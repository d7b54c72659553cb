package io.giftpay.sample.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A creator's alt accounts, sharing the creator's own device_id and/or payment_fingerprint, gifting
 * large amounts to that creator over several days. The creator also recharges (and sends a small
 * gift to another creator) with its own device and card, so the link is visible in the ledger.
 */
public final class SelfGifting extends PlannedPattern {
  public static final String NAME = "self_gifting";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "a creator (a generated one when there are enough, else a new one) recharges with its own "
        + "device_id and card on 1-2 days (and sends a small gift to another creator); 1-5 alt accounts "
        + "(created 1-365 days before the start, the creator's country) use the creator's device_id, card "
        + "or both (each farm its own mix, every link kind possible) to buy coins_3303/coins_6607 or web "
        + "10,000-40,000 coins and gift it all (Galaxy..Private Jet, sometimes Lion) to that creator in "
        + "its streams (a 2.5-4 hour window starting between 15:00 and 20:00 UTC) on 1-5 days; alts (sender) "
        + "and creator labelled; 0.5 per 1,000 users, min 1";
  }

  @Override
  void plan(Plan p) {
    int n = p.ctx.instances(0.5, 1);
    for (int i = 0; i < n; i++) {
      SplittableRandom r = p.rng("self", i);
      Plan.Persona self = p.creator(p.pickCreator(r, 2), r, 100, 900);
      String creator = self.user();
      String device = self.device();
      String card = self.card();
      String country = self.country();
      String channel = self.channel();
      String currency = Plan.currency(r, country, 0.3);
      int own = Math.min(p.days(), Plan.between(r, 1, 2));
      for (int k = 0; k < own; k++) {
        int d = Plan.between(r, 0, p.days() - 1);
        long t = p.anytime(d, r);
        long coins =
            (Long)
                p.rechargePackage(
                        t,
                        creator,
                        Plan.between(r, Plan.P330, Plan.P660),
                        currency,
                        channel,
                        card,
                        device,
                        country)[4];
        String other = p.popularCreator(r);
        if (!other.equals(creator)) {
          p.spend(
              r,
              t + 5 * Plan.MINUTE,
              30 * Plan.MINUTE,
              creator,
              other,
              Math.min(coins, 300),
              Gifts.SMALL,
              device,
              country);
        }
      }
      // the creator's stream hours, and how its alts link to it: device only, both, else card only
      double streamFrom = Plan.uniform(r, 15, 20);
      double streamTo = streamFrom + Plan.uniform(r, 2.5, 4);
      double deviceOnly = Plan.uniform(r, 0.2, 0.5);
      double both = deviceOnly + Plan.uniform(r, 0.15, 0.35);
      int alts = Plan.between(r, 1, 5);
      for (int a = 0; a < alts; a++) {
        double u = r.nextDouble();
        String altDevice = u < both ? device : Plan.newDevice(r);
        String altCard = u >= deviceOnly ? card : Plan.newCard(r);
        String alt = p.newViewer(0, p.oldCreatedAt(r, 1, 365), p.adultBirth(r), country);
        List<Integer> days = new ArrayList<>();
        for (int d = 0; d < p.days(); d++) {
          days.add(d);
        }
        int active = Math.min(p.days(), Plan.between(r, 1, 5));
        for (int k = 0; k < active; k++) {
          int d = days.remove(r.nextInt(days.size()));
          long t = p.at(d, streamFrom, Math.min(23, streamTo), r);
          long coins = 0;
          int m = Plan.between(r, 1, 3);
          for (int j = 0; j < m; j++) {
            Object[] rc =
                r.nextDouble() < 0.3
                    ? p.rechargeWeb(
                        t,
                        alt,
                        1000L * Plan.between(r, 10, 40),
                        currency,
                        altCard,
                        altDevice,
                        country)
                    : p.rechargePackage(
                        t,
                        alt,
                        Plan.between(r, Plan.P3303, Plan.P6607),
                        currency,
                        channel,
                        altCard,
                        altDevice,
                        country);
            coins += (Long) rc[4];
            t += Plan.between(r, 2, 10) * Plan.MINUTE;
          }
          p.spend(
              r,
              t,
              Plan.between(r, 30, 120) * Plan.MINUTE,
              alt,
              creator,
              coins,
              r.nextDouble() < 0.2 ? Gifts.BIG_AND_HUGE : Gifts.BIG,
              altDevice,
              country);
        }
        p.label(alt, "sender");
      }
      p.label(creator, "creator");
      p.instances++;
    }
  }
}
