package io.giftpay.sample.patterns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * New accounts (created months ago, in the snapshots from day 0) whose birth_date makes them 13-17 on every
 * day of the run, recharging and gifting meaningful amounts (about USD 20-150 a day) on 2-4 days.
 */
public final class UnderageSpending extends PlannedPattern {
    public static final String NAME = "underage_spending";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "account aged 13-17 on every day (birth_date), created 2-24 months ago, recharging mid-size "
                + "packages (coins_1321..coins_3303, one card) and gifting 1,500-10,000 coins (~USD 20-150) a day "
                + "on 2-4 afternoons/evenings to one or two favourite creators; 1 per 1,000 users, min 1";
    }

    @Override
    void plan(Plan p) {
        int n = p.ctx.instances(1.0, 1);
        LocalDate first = p.ctx.date(0);
        LocalDate last = p.ctx.date(p.days() - 1);
        for (int i = 0; i < n; i++) {
            SplittableRandom r = p.rng("minor", i);
            int age = Plan.between(r, 13, 17);
            LocalDate birth = first.minusYears(age).minusDays(r.nextInt(300));
            if (!birth.plusYears(18).isAfter(last)) {
                birth = last.minusYears(18).plusDays(1 + r.nextInt(30));
            }
            if (birth.plusYears(13).isAfter(first)) {
                birth = first.minusYears(13);
            }
            String country = Plan.country(r);
            String user = p.newViewer(0, p.oldCreatedAt(r, 60, 700), birth, country);
            String device = Plan.newDevice(r);
            String card = Plan.newCard(r);
            String channel = Plan.platform(r);
            String currency = Plan.currency(r, country, 0.4);
            String[] favourites = {p.popularCreator(r), p.popularCreator(r)};
            List<Integer> days = new ArrayList<>();
            for (int d = 0; d < p.days(); d++) {
                days.add(d);
            }
            int active = Math.min(p.days(), Plan.between(r, 2, 4));
            for (int k = 0; k < active; k++) {
                int d = days.remove(r.nextInt(days.size()));
                long target = Plan.between(r, 1500, 10000);
                long t = p.at(d, 13, 19, r);
                long bought = 0;
                while (bought < target) {
                    int pkg = Plan.between(r, Plan.P1321, Plan.P3303);
                    bought += (Long) p.rechargePackage(t, user, pkg, currency, channel, card, device, country)[4];
                    t += Plan.between(r, 3, 20) * Plan.MINUTE;
                }
                p.spend(r, t, Plan.between(r, 60, 180) * Plan.MINUTE, user, favourites[r.nextInt(2)], bought,
                        Gifts.MID_BIG, device, country);
            }
            p.label(user, "sender");
            p.instances++;
        }
    }
}
