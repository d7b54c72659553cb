package io.giftpay.sample.patterns;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * An established generated viewer with a normal small history on the earlier days which, on one day, acts
 * from a new device, an IP in another country and a new card, buying big and gifting it to a creator it
 * never gifted before.
 */
public final class AccountTakeover extends PlannedPattern {
    public static final String NAME = "account_takeover";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "generated viewer (tier 0-1, account older than 180 days) with a normal small habit (its usual "
                + "device, card and country, two favourite creators) on the days before a takeover day (day 2 or "
                + "later) on which, from a new device, an ip_country other than its account country and 1-2 new "
                + "cards, it buys 2-5 coins_6607 or web 20,000-60,000 coins (USD) and gifts it all within 1-2 hours "
                + "(Galaxy..Lion) to a creator it never gifted before; 0.7 per 1,000 users, min 1; needs >= 3 days";
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
            int idx = p.pickViewer(r, 2, x -> p.ctx.tier(x) <= 1 && p.ctx.createdAt(x).isBefore(oldEnough));
            Plan.Persona persona = p.viewer(idx, r, 200, 1500);
            String user = persona.user();
            String device = persona.device();
            String card = persona.card();
            String country = persona.country();
            String channel = persona.channel();
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
                balance = p.habitDay(r, d, user, favourites, Math.round(daily * (0.6 + 0.8 * r.nextDouble())),
                        balance, device, card, channel, currency, country, spent);
            }
            int target = p.pickCreator(r, 0);
            String victimOf = target >= 0 ? p.ctx.userId(target) : p.anyCreator(r);
            while (victimOf.equals(favourites[0]) || victimOf.equals(favourites[1])) {
                victimOf = p.anyCreator(r);
            }
            String newDevice = Plan.newDevice(r);
            String ip = Plan.otherCountry(r, country);
            String newCard = Plan.newCard(r);
            long t = p.at(takeover, 0, 19, r);
            long coins = 0;
            int m = Plan.between(r, 2, 5);
            boolean web = r.nextDouble() < 0.5;
            for (int j = 0; j < m; j++) {
                if (j > 0 && r.nextDouble() < 0.3) {
                    newCard = Plan.newCard(r);
                }
                Object[] rc = web
                        ? p.rechargeWeb(t, user, 1000L * Plan.between(r, 20, 60), "USD", newCard, newDevice, ip)
                        : p.rechargePackage(t, user, Plan.P6607, "USD", Plan.platform(r), newCard, newDevice, ip);
                coins += (Long) rc[4];
                t += Plan.between(r, 1, 12) * Plan.MINUTE;
            }
            p.spend(r, t + Plan.between(r, 2, 20) * Plan.MINUTE, Plan.between(r, 60, 120) * Plan.MINUTE, user,
                    victimOf, coins, Gifts.BIG_AND_HUGE, newDevice, ip);
            p.label(user, "sender");
            p.instances++;
        }
    }
}
