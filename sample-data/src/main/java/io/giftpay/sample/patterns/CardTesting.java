package io.giftpay.sample.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Card testing: tiny recharges that check whether stolen cards work, then a few gifts to spend what
 * got through; some recharges are charged back days later. Four shapes (instance i gets {@link
 * #ORDER}[i % 4]): a burst (recharges seconds apart) or a slow drip (one every few minutes for an
 * hour or more), by one account trying many cards (sometimes 2-3 accounts on one device) or by 3-6
 * accounts sharing one card.
 */
public final class CardTesting extends PlannedPattern {
  public static final String NAME = "card_testing";

  /**
   * Burst: seconds between recharges. Slow: minutes, over more than an hour (under per-hour
   * velocity rules).
   */
  enum Tempo {
    BURST,
    SLOW
  }

  /**
   * Many: a new card for most recharges. Shared: one card spread over 3-6 accounts (under
   * per-account rules).
   */
  enum Cards {
    MANY,
    SHARED
  }

  record Variant(Tempo tempo, Cards cards) {}

  /** The two most different shapes first, so that two instances already differ in both. */
  static final Variant[] ORDER = {
    new Variant(Tempo.BURST, Cards.MANY),
    new Variant(Tempo.SLOW, Cards.SHARED),
    new Variant(Tempo.SLOW, Cards.MANY),
    new Variant(Tempo.BURST, Cards.SHARED)
  };

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "accounts created 0-30 days before the start making tiny recharges (coins_65 at 0.99 or web 30-100 "
        + "coins), IP often abroad, in one of four shapes by instance (burst+many cards, slow+shared card, "
        + "slow+many cards, burst+shared card): burst = 15-40 recharges 5-90 s apart; slow = 12-30 "
        + "recharges at least a minute (typically 3-8 min) apart over 65 min to 4 h; many cards = 1 account "
        + "(30%: 2-3 on one device) with a new card for 80-95% of its recharges; shared card = 3-6 accounts "
        + "taking turns on one card (half on one device, half on their own); then each account gifts "
        + "60-100% of its coins within the hour; 20-50% of the recharges charged back 2-6 days later (pulled "
        + "into the run, at least a day later); all accounts labelled sender; 0.7 per 1,000 users, min 1";
  }

  /** One account of an instance and what it bought. */
  private static final class Tester {
    final String user;
    final String device;
    final List<Object[]> recharges = new ArrayList<>();
    long coins;
    long last;

    Tester(String user, String device) {
      this.user = user;
      this.device = device;
    }
  }

  @Override
  void plan(Plan p) {
    int n = p.ctx.instances(0.7, 1);
    for (int i = 0; i < n; i++) {
      SplittableRandom r = p.rng("tester", i);
      Variant v = Plan.variant(ORDER, i);
      int d = Plan.between(r, 0, Math.max(0, p.days() - 3));
      String channel = Plan.platform(r);
      boolean web = r.nextDouble() < 0.4;
      String country = Plan.country(r);
      String ip = r.nextDouble() < 0.5 ? Plan.otherCountry(r, country) : country;
      String creator = p.anyCreator(r);
      int k =
          v.cards() == Cards.SHARED
              ? Plan.between(r, 3, 6)
              : r.nextDouble() < 0.7 ? 1 : Plan.between(r, 2, 3);
      boolean oneDevice = v.cards() == Cards.MANY || r.nextDouble() < 0.5;
      String sharedDevice = Plan.newDevice(r);
      List<Tester> testers = new ArrayList<>();
      for (int a = 0; a < k; a++) {
        String user = p.newViewer(0, p.oldCreatedAt(r, 0, 30), p.adultBirth(r), country);
        testers.add(new Tester(user, oneDevice ? sharedDevice : Plan.newDevice(r)));
      }
      int total = v.tempo() == Tempo.BURST ? Plan.between(r, 15, 40) : Plan.between(r, 12, 30);
      total = Math.max(total, 3 * k);
      long[] gaps = v.tempo() == Tempo.BURST ? burstGaps(r, total) : slowGaps(r, total);
      long span = 0;
      for (long g : gaps) {
        span += g;
      }
      long t = p.dayStart(d) + (long) (r.nextDouble() * Math.max(0, 21 * Plan.HOUR - span));
      double newCardShare = Plan.uniform(r, 0.8, 0.95);
      String card = Plan.newCard(r);
      int offset = r.nextInt(k);
      for (int j = 0; j < total; j++) {
        // many cards: each account works through its block; shared card: the accounts take turns
        Tester who =
            v.cards() == Cards.SHARED
                ? testers.get((j + offset) % k)
                : testers.get(Math.min(k - 1, j * k / total));
        if (v.cards() == Cards.MANY && j > 0 && r.nextDouble() < newCardShare) {
          card = Plan.newCard(r);
        }
        Object[] rc =
            web
                ? p.rechargeWeb(
                    t, who.user, 10L * Plan.between(r, 3, 10), "USD", card, who.device, ip)
                : p.rechargePackage(t, who.user, Plan.P65, "USD", channel, card, who.device, ip);
        who.recharges.add(rc);
        who.coins += (Long) rc[4];
        who.last = t;
        if (j < gaps.length) {
          t += gaps[j];
        }
      }
      double chargebackShare = Plan.uniform(r, 0.2, 0.5);
      for (Tester who : testers) {
        long budget = Math.round(who.coins * Plan.uniform(r, 0.6, 1.0));
        p.spend(
            r,
            who.last + Plan.between(r, 1, 10) * Plan.MINUTE,
            50 * Plan.MINUTE,
            who.user,
            creator,
            budget,
            budget >= 500 ? Gifts.MID : Gifts.SMALL,
            who.device,
            ip);
        for (Object[] rc : who.recharges) {
          if (r.nextDouble() < chargebackShare) {
            p.chargebackLater(rc, r, 2, 6);
          }
        }
        p.label(who.user, "sender");
      }
      p.instances++;
    }
  }

  /** total - 1 gaps of 5-90 s (each instance its own narrower range). */
  private static long[] burstGaps(SplittableRandom r, int total) {
    int lo = Plan.between(r, 5, 20);
    int hi = Plan.between(r, 40, 90);
    long[] gaps = new long[total - 1];
    for (int j = 0; j < gaps.length; j++) {
      gaps[j] = Plan.between(r, lo, hi) * 1000L;
    }
    return gaps;
  }

  /** total - 1 gaps of at least a minute, together spanning 65 min to 4 h (about 3-8 min each). */
  private static long[] slowGaps(SplittableRandom r, int total) {
    long span = Math.max(65, Math.min(240, (long) total * Plan.between(r, 3, 8))) * Plan.MINUTE;
    double[] w = new double[total - 1];
    double sum = 0;
    for (int j = 0; j < w.length; j++) {
      w[j] = Plan.uniform(r, 0.5, 1.5);
      sum += w[j];
    }
    long[] gaps = new long[w.length];
    for (int j = 0; j < w.length; j++) {
      gaps[j] = Math.max(Plan.MINUTE, Math.round(span * w[j] / sum));
    }
    return gaps;
  }
}
