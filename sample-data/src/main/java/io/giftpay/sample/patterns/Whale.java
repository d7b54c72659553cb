package io.giftpay.sample.patterns;

import java.util.SplittableRandom;

/** Look-alike of overspending/laundering: an old account spending very much, but steadily, every day. */
public final class Whale extends PlannedPattern {
    public static final String NAME = "whale";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "look-alike of overspending_baseline and stolen_card_laundering: an account created 400-2,000 days "
                + "before the start that every day of the run buys coins_6607 packs or web amounts with its one "
                + "card and device and gifts 20,000-80,000 coins a day (+-20%), Galaxy..Lion, to its three "
                + "favourite creators over the evening; 0.7 per 1,000 users, min 1";
    }

    @Override
    void plan(Plan p) {
        int n = p.ctx.lookalikeInstances(0.7, 1);
        for (int i = 0; i < n; i++) {
            SplittableRandom r = p.rng("whale", i);
            String country = Plan.country(r);
            String user = p.newViewer(0, p.oldCreatedAt(r, 400, 2000), p.adultBirth(r), country);
            String device = Plan.newDevice(r);
            String card = Plan.newCard(r);
            String channel = Plan.platform(r);
            String currency = Plan.currency(r, country, 0.3);
            String[] favourites = {p.popularCreator(r), p.popularCreator(r), p.popularCreator(r)};
            long daily = Plan.between(r, 20, 80) * 1000L;
            boolean web = r.nextDouble() < 0.5;
            long balance = Plan.between(r, 0, 20_000);
            for (int d = 0; d < p.days(); d++) {
                long target = Math.round(daily * (0.8 + 0.4 * r.nextDouble()));
                long t = p.at(d, 16, 18, r);
                while (balance < target) {
                    Object[] rc = web
                            ? p.rechargeWeb(t, user, 10_000L * Plan.between(r, 2, 6), currency, card, device, country)
                            : p.rechargePackage(t, user, Plan.P6607, currency, channel, card, device, country);
                    balance += (Long) rc[4];
                    t += Plan.between(r, 1, 10) * Plan.MINUTE;
                }
                for (int s = 0; s < 3; s++) {
                    balance -= p.spend(r, t + s * 80 * Plan.MINUTE, 70 * Plan.MINUTE, user, favourites[s], target / 3,
                            r.nextDouble() < 0.4 ? Gifts.BIG_AND_HUGE : Gifts.MID_BIG, device, country);
                }
            }
            p.lookalike(user, "sender");
            p.instances++;
        }
    }
}
