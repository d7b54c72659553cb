package io.giftpay.sample.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Look-alike of shared_card_farm: a household of 2-5 established accounts paying with one card,
 * moderate spend; some households share a tablet between two members, and some members watch the
 * same creator.
 */
public final class FamilySharedCard extends PlannedPattern {
  public static final String NAME = "family_shared_card";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "look-alike of shared_card_farm: 2-5 accounts (created 100-1,500 days before the start, one "
        + "country) sharing one payment_fingerprint, each on its own device (35% of households: the first "
        + "two share one tablet), each recharging small packages on 1-6 days and gifting small amounts "
        + "(a daily amount from the member's own range within 100-1,500 coins) to its own favourite "
        + "creators (in 25% of households all members share one favourite); 1 family per 1,000 users, min 1";
  }

  @Override
  void plan(Plan p) {
    int n = p.ctx.lookalikeInstances(1.0, 1);
    for (int i = 0; i < n; i++) {
      SplittableRandom r = p.rng("family", i);
      String card = Plan.newCard(r);
      String country = Plan.country(r);
      String currency = Plan.currency(r, country, 0.5);
      int members = Plan.between(r, 2, 5);
      String tablet = r.nextDouble() < 0.35 ? Plan.newDevice(r) : null;
      String together = r.nextDouble() < 0.25 ? p.popularCreator(r) : null;
      for (int a = 0; a < members; a++) {
        String user = p.newViewer(0, p.oldCreatedAt(r, 100, 1500), p.adultBirth(r), country);
        String device = tablet != null && a < 2 ? tablet : Plan.newDevice(r);
        String channel = Plan.platform(r);
        String[] favourites = {p.popularCreator(r), p.popularCreator(r), p.popularCreator(r)};
        if (together != null) {
          favourites[0] = together;
        }
        List<Integer> days = new ArrayList<>();
        for (int d = 0; d < p.days(); d++) {
          days.add(d);
        }
        int active = Math.min(p.days(), Plan.between(r, 1, 6));
        List<Integer> chosen = new ArrayList<>();
        for (int k = 0; k < active; k++) {
          chosen.add(days.remove(r.nextInt(days.size())));
        }
        chosen.sort(null);
        int lo = Plan.between(r, 100, 800);
        int hi = Plan.between(r, lo, 1500);
        long balance = 0;
        long[] spent = {0};
        for (int d : chosen) {
          balance =
              p.habitDay(
                  r,
                  d,
                  user,
                  favourites,
                  Plan.between(r, lo, hi),
                  balance,
                  device,
                  card,
                  channel,
                  currency,
                  country,
                  spent);
        }
        p.lookalike(user, "sender");
      }
      p.instances++;
    }
  }
}
