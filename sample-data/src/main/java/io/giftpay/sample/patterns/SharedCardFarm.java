package io.giftpay.sample.patterns;

import java.util.SplittableRandom;

/**
 * A farm of 8-20 accounts that share one payment_fingerprint and/or one device_id, all recharging
 * and gifting to the same 1-4 creators during the farm's working hours.
 */
public final class SharedCardFarm extends PlannedPattern {
  public static final String NAME = "shared_card_farm";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "8-20 accounts (created 2-365 days before the start, one country) sharing one payment_fingerprint "
        + "and one device_id (1/3 of farms: only the card, 1/3: only the device), each recharging 1-3 "
        + "packages a day from the farm's range (coins_330 up to coins_1321 or coins_3303) on 1-4 days "
        + "and gifting it all to the same 1-4 generated creators within the farm's working hours (4-12 "
        + "hours from 06:00-12:00 UTC, ending by 21:00); senders labelled; 0.5 per 1,000 users, min 1";
  }

  @Override
  void plan(Plan p) {
    int n = p.ctx.instances(0.5, 1);
    for (int i = 0; i < n; i++) {
      SplittableRandom r = p.rng("farm", i);
      int size = Plan.between(r, 8, 20);
      int mode = r.nextInt(3); // 0 card and device, 1 card only, 2 device only
      String sharedCard = Plan.newCard(r);
      String sharedDevice = Plan.newDevice(r);
      String channel = Plan.platform(r);
      String country = Plan.country(r);
      double fromHour = Plan.between(r, 6, 12);
      double toHour = Math.min(21, fromHour + Plan.uniform(r, 4, 12));
      int topPack = r.nextDouble() < 0.6 ? Plan.P1321 : Plan.P3303;
      String[] creators = new String[Plan.between(r, 1, 4)];
      for (int c = 0; c < creators.length; c++) {
        creators[c] = p.anyCreator(r);
      }
      for (int a = 0; a < size; a++) {
        String user = p.newViewer(0, p.oldCreatedAt(r, 2, 365), p.adultBirth(r), country);
        String card = mode == 2 ? Plan.newCard(r) : sharedCard;
        String device = mode == 1 ? Plan.newDevice(r) : sharedDevice;
        int active = Math.min(p.days(), Plan.between(r, 1, 4));
        int d0 = Plan.between(r, 0, p.days() - active);
        for (int d = d0; d < d0 + active; d++) {
          long t = p.at(d, fromHour, toHour, r);
          long coins = 0;
          int recharges = Plan.between(r, 1, 3);
          for (int j = 0; j < recharges; j++) {
            coins +=
                (Long)
                    p.rechargePackage(
                            t,
                            user,
                            Plan.between(r, Plan.P330, topPack),
                            "USD",
                            channel,
                            card,
                            device,
                            country)[4];
            t += Plan.between(r, 1, 20) * Plan.MINUTE;
          }
          p.spend(
              r,
              t,
              Plan.between(r, 20, 90) * Plan.MINUTE,
              user,
              creators[r.nextInt(creators.length)],
              coins,
              Gifts.MID,
              device,
              country);
        }
        p.label(user, "sender");
      }
      p.instances++;
    }
  }
}
