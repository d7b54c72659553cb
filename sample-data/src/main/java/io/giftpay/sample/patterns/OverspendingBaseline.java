package io.giftpay.sample.patterns;

import java.util.SplittableRandom;

/**
 * An ordinary generated viewer (tier 0, adult) with a steady small habit on the early days who, on one
 * later day, spends 15-50× their usual daily coins: several big packages in an evening and gifts to their
 * usual favourite creator. Same device, card and country throughout. Needs at least 3 days.
 */
public final class OverspendingBaseline extends PlannedPattern {
    public static final String NAME = "overspending_baseline";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "ordinary generated adult viewer (low spender) with a small daily habit (about 50-250 coins a day, "
                + "small packages, small gifts to two favourite creators) on the days before a spike day (day 3 or "
                + "later) on which they buy big packages (coins_1321..coins_6607) and gift 15-50x their usual "
                + "daily coins to a favourite in one evening; same device, card and country; 1 per 1,000 users, "
                + "min 1; needs >= 3 days";
    }

    @Override
    void plan(Plan p) {
        if (p.days() < 3) {
            return;
        }
        int n = p.ctx.instances(1.0, 1);
        for (int i = 0; i < n; i++) {
            SplittableRandom r = p.rng("victim", i);
            java.time.LocalDate first = p.ctx.date(0);
            int idx = p.pickViewer(r, 1, x -> p.ctx.tier(x) == 0 && p.ctx.birthDate(x) != null
                    && !p.ctx.birthDate(x).plusYears(19).isAfter(first));
            Plan.Persona persona = p.viewer(idx, r, 200, 1500);
            String user = persona.user();
            String device = persona.device();
            String card = persona.card();
            String country = persona.country();
            String channel = persona.channel();
            String currency = Plan.currency(r, country, 0.3);
            String[] favourites = {p.popularCreator(r), p.popularCreator(r)};
            int spikeDay = Plan.between(r, Math.max(2, p.days() / 2), p.days() - 1);
            long daily = Plan.between(r, 50, 250);
            long balance = Plan.between(r, 0, 200);
            long[] usual = {0};
            for (int d = 0; d < spikeDay; d++) {
                if (d > 1 && r.nextDouble() < 0.15) {
                    continue; // a day off now and then
                }
                long target = Math.round(daily * (0.7 + 0.6 * r.nextDouble()));
                balance = p.habitDay(r, d, user, favourites, target, balance, device, card, channel, currency,
                        country, usual);
            }
            long usualDaily = Math.max(30, usual[0] / spikeDay);
            long target = Math.round(usualDaily * (15 + 35 * r.nextDouble()));
            long t = p.at(spikeDay, 18, 20.5, r);
            long firstRecharge = t;
            long bought = balance;
            while (bought < target) {
                int pkg = target - bought > 5000 ? Plan.P6607 : target - bought > 2000 ? Plan.P3303 : Plan.P1321;
                bought += (Long) p.rechargePackage(t, user, pkg, currency, channel, card, device, country)[4];
                t += Plan.between(r, 4, 35) * Plan.MINUTE;
            }
            p.spend(r, firstRecharge + 10 * Plan.MINUTE, 3 * Plan.HOUR, user, favourites[0],
                    Math.min(target, bought), Gifts.MID_BIG, device, country);
            p.label(user, "sender");
            p.instances++;
        }
    }
}
