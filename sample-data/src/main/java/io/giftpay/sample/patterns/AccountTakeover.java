package io.giftpay.sample.patterns;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * An established generated viewer with a normal small history on the earlier days which, on one
 * day, acts from a new device and a new card, buying big and gifting it all to a creator it never
 * gifted before. The thief is abroad or in the victim's own country, and sends to its own creator
 * account opened a few days before (labelled creator) or to an established creator (an unwitting
 * one, not labelled): instance i gets {@link #ORDER}[i % 4].
 */
public final class AccountTakeover extends PlannedPattern {
  public static final String NAME = "account_takeover";

  /**
   * Where the thief's IP is: another country than the account's, or the same (a local thief or a
   * VPN).
   */
  enum Ip {
    ABROAD,
    HOME
  }

  /** Who receives: the thief's own creator account, days old; or an established creator. */
  enum Receiver {
    THIEF_CREATOR,
    ESTABLISHED
  }

  record Variant(Ip ip, Receiver receiver) {}

  static final Variant[] ORDER = {
    new Variant(Ip.ABROAD, Receiver.THIEF_CREATOR),
    new Variant(Ip.HOME, Receiver.THIEF_CREATOR),
    new Variant(Ip.ABROAD, Receiver.ESTABLISHED),
    new Variant(Ip.HOME, Receiver.ESTABLISHED)
  };

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "generated viewer (tier 0-1, account older than 180 days) with a normal small habit (its usual "
        + "device, card and country, two favourite creators) on the days before a takeover day (day 2 or "
        + "later) on which, from a new device and 1-2 new cards, it buys 2-6 coins_3303/coins_6607 or web "
        + "10,000-60,000 coins (USD) and gifts it all within 30-150 minutes (Galaxy..Lion) to a creator "
        + "it never gifted before; by instance (abroad+thief's creator, home+thief's creator, "
        + "abroad+established, home+established): the IP is in another country or in the victim's own, "
        + "and the receiver is the thief's own new creator account (created 2-10 days before the takeover, "
        + "in the thief's IP country, payable; labelled creator) or an established generated creator (not "
        + "labelled); victim labelled sender; 0.7 per 1,000 users, min 1; needs >= 3 days";
  }

  @Override
  void plan(Plan p) {
    if (p.days() < 3) {
      return;
    }
    int n = p.ctx.instances(0.7, 1);
    Instant oldEnough = p.ctx.dayStart(0).minusSeconds(180L * 86_400);
    for (int i = 0; i < n; i++) {
      SplittableRandom r = p.rng("victim", i);
      // with two creators or fewer there may be no stranger to send to: the thief's own creator
      // then
      Variant v = p.ctx.creators() > 2 ? Plan.variant(ORDER, i) : ORDER[i % 2];
      int idx =
          p.pickViewer(r, 2, x -> p.ctx.tier(x) <= 1 && p.ctx.createdAt(x).isBefore(oldEnough));
      Plan.Persona persona = p.viewer(idx, r, 200, 1500);
      String user = persona.user();
      String country = persona.country();
      String currency = Plan.currency(r, country, 0.3);
      String[] favourites = {p.popularCreator(r), p.popularCreator(r)};
      int takeover = Plan.between(r, 2, p.days() - 1);
      long balance = Plan.between(r, 0, 300);
      long daily = Plan.between(r, 40, 400);
      long[] spent = {0};
      for (int d = 0; d < takeover; d++) {
        if (d > 0 && r.nextDouble() < 0.3) {
          continue;
        }
        balance =
            p.habitDay(
                r,
                d,
                user,
                favourites,
                Math.round(daily * (0.6 + 0.8 * r.nextDouble())),
                balance,
                persona.device(),
                persona.card(),
                persona.channel(),
                currency,
                country,
                spent);
      }
      String ip = v.ip() == Ip.HOME ? country : Plan.otherCountry(r, country);
      long t = p.at(takeover, 0, 20, r);
      String receiver =
          v.receiver() == Receiver.THIEF_CREATOR
              ? p.newCreator(
                  takeover, t - Plan.between(r, 2, 9) * Plan.DAY - r.nextInt((int) Plan.DAY), ip, r)
              : establishedStranger(p, r, favourites);
      String newDevice = Plan.newDevice(r);
      String newCard = Plan.newCard(r);
      long coins = 0;
      int m = Plan.between(r, 2, 6);
      boolean web = r.nextDouble() < 0.5;
      int pack = r.nextDouble() < 0.7 ? Plan.P6607 : Plan.P3303;
      for (int j = 0; j < m; j++) {
        if (j > 0 && r.nextDouble() < 0.3) {
          newCard = Plan.newCard(r);
        }
        Object[] rc =
            web
                ? p.rechargeWeb(
                    t, user, 1000L * Plan.between(r, 10, 60), "USD", newCard, newDevice, ip)
                : p.rechargePackage(t, user, pack, "USD", Plan.platform(r), newCard, newDevice, ip);
        coins += (Long) rc[4];
        t += Plan.between(r, 1, 12) * Plan.MINUTE;
      }
      p.spend(
          r,
          t + Plan.between(r, 2, 20) * Plan.MINUTE,
          Plan.between(r, 30, 150) * Plan.MINUTE,
          user,
          receiver,
          coins,
          Gifts.BIG_AND_HUGE,
          newDevice,
          ip);
      p.label(user, "sender");
      if (v.receiver() == Receiver.THIEF_CREATOR) {
        p.label(receiver, "creator");
      }
      p.instances++;
    }
  }

  /** An established generated creator that is not one of the victim's favourites. */
  private static String establishedStranger(Plan p, SplittableRandom r, String[] favourites) {
    int target = p.pickCreator(r, 0, 8);
    String c = target >= 0 ? p.ctx.userId(target) : p.anyCreator(r);
    while (c.equals(favourites[0]) || c.equals(favourites[1])) {
      c = p.anyCreator(r);
    }
    return c;
  }
}
