package io.giftpay.sample.patterns;

import java.util.SplittableRandom;

/**
 * Look-alike of account_takeover: a viewer abroad for a few days, on its usual device and card,
 * usual spend.
 */
public final class Traveller extends PlannedPattern {
  public static final String NAME = "traveller";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "look-alike of account_takeover: a generated adult viewer (else a new established one) with a small "
        + "daily habit on most days and, on 1-4 consecutive days, the same habit with an ip_country other "
        + "than its account country - its usual device, card and favourite creators, amounts 0.5-2x its "
        + "usual (a quiet trip or a holiday treat); 1 per 1,000 users, min 1";
  }

  @Override
  void plan(Plan p) {
    int n = p.ctx.lookalikeInstances(1.0, 1);
    java.time.LocalDate first = p.ctx.date(0);
    for (int i = 0; i < n; i++) {
      SplittableRandom r = p.rng("traveller", i);
      int idx =
          p.pickViewer(
              r,
              3,
              x ->
                  p.ctx.tier(x) <= 2
                      && p.ctx.birthDate(x) != null
                      && !p.ctx.birthDate(x).plusYears(19).isAfter(first));
      Plan.Persona persona = p.viewer(idx, r, 100, 1500);
      String user = persona.user();
      String device = persona.device();
      String card = persona.card();
      String country = persona.country();
      String channel = persona.channel();
      String currency = Plan.currency(r, country, 0.3);
      String[] favourites = {p.popularCreator(r), p.popularCreator(r)};
      int tripDays = Math.min(p.days(), Plan.between(r, 1, 4));
      double tripFactor = Plan.uniform(r, 0.5, 2.0);
      int trip0 = Plan.between(r, 0, p.days() - tripDays);
      String abroad = Plan.otherCountry(r, country);
      long daily = Plan.between(r, 50, 600);
      long balance = Plan.between(r, 0, 300);
      long[] spent = {0};
      for (int d = 0; d < p.days(); d++) {
        boolean away = d >= trip0 && d < trip0 + tripDays;
        if (!away && r.nextDouble() < 0.2) {
          continue;
        }
        long target = Math.round(daily * (0.6 + 0.8 * r.nextDouble()) * (away ? tripFactor : 1));
        balance =
            p.habitDay(
                r,
                d,
                user,
                favourites,
                target,
                balance,
                device,
                card,
                channel,
                currency,
                away ? abroad : country,
                spent);
      }
      p.lookalike(user, "sender");
      p.instances++;
    }
  }
}
