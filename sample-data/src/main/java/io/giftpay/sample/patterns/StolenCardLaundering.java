package io.giftpay.sample.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stolen-card laundering: feeder accounts buy the biggest packs with stolen cards and send
 * Universe/Lion/Dragon gifts within hours to one or two mule creators opened two or three weeks
 * before; most of those recharges are charged back days later. The feeders are brand-new accounts,
 * aged accounts dormant until that day, or both; they use new cards or all one shared card:
 * instance i gets {@link #ORDER}[i % 4].
 */
public final class StolenCardLaundering extends PlannedPattern {
  public static final String NAME = "stolen_card_laundering";

  /**
   * Fresh: created hours before. Dormant: created long ago (bought or stolen), no activity in the
   * ledger.
   */
  enum Feeders {
    FRESH,
    DORMANT,
    MIXED
  }

  record Variant(Feeders feeders, boolean sharedCard) {}

  static final Variant[] ORDER = {
    new Variant(Feeders.FRESH, false),
    new Variant(Feeders.DORMANT, true),
    new Variant(Feeders.MIXED, true),
    new Variant(Feeders.DORMANT, false)
  };

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "2-6 feeder accounts each making 2-6 big recharges (coins_6607, some coins_3303, or web "
        + "15,000-80,000 coins, USD) with new devices, IP abroad for 20-80% of them, then 2-60 minutes "
        + "later sending Private Jet/Dragon/Lion/Universe gifts over 30 min-3 h to one of 1-2 mule creators "
        + "(new, KYC verified, payable, created 14-21 days before the first laundering gift); by instance "
        + "(fresh+new cards, dormant+shared card, mixed+shared card, dormant+new cards): feeders are fresh "
        + "(created less than a day before their first event, on a snapshot day), dormant (created "
        + "180-2,000 days before the start, no event before that day) or both; cards are new for 50-90% "
        + "of the recharges or one card shared by all feeders; 40-80% of the recharges (at least one per "
        + "feeder) charged back 2-6 days later (pulled into the run, at least a day later); feeders "
        + "labelled sender, mules creator; 0.7 per 1,000 users, min 1";
  }

  @Override
  void plan(Plan p) {
    int n = p.ctx.instances(0.7, 1);
    for (int i = 0; i < n; i++) {
      SplittableRandom r = p.rng("launder", i);
      Variant v = Plan.variant(ORDER, i);
      // a snapshot day, so that a fresh account is in the snapshot of the day it is created
      List<Integer> candidates = new ArrayList<>();
      for (int d = 0; d <= p.days() - 3; d++) {
        if (p.ctx.isAccountsSnapshotDay(d)) {
          candidates.add(d);
        }
      }
      int d = candidates.isEmpty() ? Plan.between(r, 0, p.days() - 1) : Plan.pick(r, candidates);
      long start = p.at(d, 1, 17, r);
      String[] mules = new String[r.nextDouble() < 0.65 ? 1 : 2];
      for (int c = 0; c < mules.length; c++) {
        long created =
            start - Plan.between(r, 14, 20) * Plan.DAY - (long) (r.nextDouble() * 20 * Plan.HOUR);
        mules[c] = p.newCreator(d, created, Plan.country(r), r);
      }
      int k = Plan.between(r, 2, 6);
      String sharedCard = Plan.newCard(r);
      double newCardShare = Plan.uniform(r, 0.5, 0.9);
      double abroadShare = Plan.uniform(r, 0.2, 0.8);
      double webShare = Plan.uniform(r, 0.2, 0.8);
      double chargebackShare = Plan.uniform(r, 0.4, 0.8);
      int mixedFirst = r.nextInt(2);
      for (int a = 0; a < k; a++) {
        boolean fresh =
            switch (v.feeders()) {
              case FRESH -> true;
              case DORMANT -> false;
              case MIXED -> (a + mixedFirst) % 2 == 0;
            };
        String country = Plan.country(r);
        String ip = r.nextDouble() < abroadShare ? Plan.otherCountry(r, country) : country;
        String device = Plan.newDevice(r);
        String channel = Plan.platform(r);
        long t = start + Plan.between(r, 0, 180) * Plan.MINUTE;
        String user =
            fresh
                ? p.newViewer(d, p.freshCreatedAt(t, r), null, country)
                : p.newViewer(
                    0,
                    p.oldCreatedAt(r, 180, 2000),
                    r.nextDouble() < 0.5 ? null : p.adultBirth(r),
                    country);
        String card = v.sharedCard() ? sharedCard : Plan.newCard(r);
        List<Object[]> recharges = new ArrayList<>();
        long coins = 0;
        int m = Plan.between(r, 2, 6);
        for (int j = 0; j < m; j++) {
          if (!v.sharedCard() && j > 0 && r.nextDouble() < newCardShare) {
            card = Plan.newCard(r);
          }
          Object[] rc =
              r.nextDouble() < webShare
                  ? p.rechargeWeb(t, user, 1000L * Plan.between(r, 15, 80), "USD", card, device, ip)
                  : p.rechargePackage(
                      t,
                      user,
                      r.nextDouble() < 0.8 ? Plan.P6607 : Plan.P3303,
                      "USD",
                      channel,
                      card,
                      device,
                      ip);
          recharges.add(rc);
          coins += (Long) rc[4];
          t += Plan.between(r, 2, 15) * Plan.MINUTE;
        }
        // every mule gets a feeder, the rest go to either
        String mule = a < mules.length ? mules[a] : Plan.pick(r, List.of(mules));
        p.spend(
            r,
            t + Plan.between(r, 2, 60) * Plan.MINUTE,
            Plan.between(r, 30, 180) * Plan.MINUTE,
            user,
            mule,
            coins,
            Gifts.HUGE_AND_JET,
            device,
            ip);
        boolean any = false;
        for (Object[] rc : recharges) {
          if (r.nextDouble() < chargebackShare) {
            any |= p.chargebackLater(rc, r, 2, 6);
          }
        }
        if (!any) {
          p.chargebackLater(recharges.get(0), r, 2, 6);
        }
        p.label(user, "sender");
      }
      for (String mule : mules) {
        p.label(mule, "creator");
      }
      p.instances++;
    }
  }
}
