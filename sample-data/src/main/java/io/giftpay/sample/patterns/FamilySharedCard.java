package io.giftpay.sample.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Look-alike of shared_card_farm: a family of 2-4 established accounts sharing one card, moderate spend. */
public final class FamilySharedCard extends PlannedPattern {
    public static final String NAME = "family_shared_card";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "look-alike of shared_card_farm: 2-4 accounts (created 100-1,500 days before the start, one "
                + "country) sharing one payment_fingerprint but each on its own device, each recharging small "
                + "packages on 2-5 days and gifting small amounts (100-1,500 coins a day) to its own favourite "
                + "creators; 1 family per 1,000 users, min 1";
    }

    @Override
    void plan(Plan p) {
        int n = p.ctx.lookalikeInstances(1.0, 1);
        for (int i = 0; i < n; i++) {
            SplittableRandom r = p.rng("family", i);
            String card = Plan.newCard(r);
            String country = Plan.country(r);
            String currency = Plan.currency(r, country, 0.5);
            int members = Plan.between(r, 2, 4);
            for (int a = 0; a < members; a++) {
                String user = p.newViewer(0, p.oldCreatedAt(r, 100, 1500), p.adultBirth(r), country);
                String device = Plan.newDevice(r);
                String channel = Plan.platform(r);
                String[] favourites = {p.popularCreator(r), p.popularCreator(r), p.popularCreator(r)};
                List<Integer> days = new ArrayList<>();
                for (int d = 0; d < p.days(); d++) {
                    days.add(d);
                }
                int active = Math.min(p.days(), Plan.between(r, 2, 5));
                List<Integer> chosen = new ArrayList<>();
                for (int k = 0; k < active; k++) {
                    chosen.add(days.remove(r.nextInt(days.size())));
                }
                chosen.sort(null);
                long balance = 0;
                long[] spent = {0};
                for (int d : chosen) {
                    balance = p.habitDay(r, d, user, favourites, Plan.between(r, 100, 1500), balance, device, card,
                            channel, currency, country, spent);
                }
                p.lookalike(user, "sender");
            }
            p.instances++;
        }
    }
}
