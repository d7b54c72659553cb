package io.giftpay.sample.patterns;

import java.util.SplittableRandom;

/**
 * 3-5 creators gifting each other large amounts in a cycle (A→B→C→…→A) every day for 3-5 days, each buying
 * the coins with its own card and device.
 */
public final class ReciprocalRing extends PlannedPattern {
    public static final String NAME = "reciprocal_ring";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "3-5 creators (generated ones when there are enough, else new payable ones) each gifting the next "
                + "in a cycle 5,000-60,000 coins a day (Galaxy..Lion) on 3-5 consecutive days, bought with its own "
                + "card and device (web custom amounts or coins_6607); each creator labelled twice (role creator "
                + "and role sender); 0.5 per 1,000 users, min 1";
    }

    @Override
    void plan(Plan p) {
        int n = p.ctx.instances(0.5, 1);
        for (int i = 0; i < n; i++) {
            SplittableRandom r = p.rng("ring", i);
            int k = Plan.between(r, 3, 5);
            String[] ids = new String[k];
            String[] devices = new String[k];
            String[] cards = new String[k];
            String[] countries = new String[k];
            String[] channels = new String[k];
            for (int c = 0; c < k; c++) {
                int idx = p.pickCreator(r, 1);
                if (idx >= 0) {
                    ids[c] = p.ctx.userId(idx);
                    devices[c] = p.ctx.deviceId(idx, 0);
                    cards[c] = p.ctx.paymentFingerprint(idx);
                    countries[c] = p.ctx.country(idx);
                    channels[c] = p.ctx.platform(idx);
                } else {
                    countries[c] = Plan.country(r);
                    ids[c] = p.newCreator(0, p.oldCreatedAt(r, 30, 900), countries[c], r);
                    devices[c] = Plan.newDevice(r);
                    cards[c] = Plan.newCard(r);
                    channels[c] = Plan.platform(r);
                }
            }
            int span = Math.min(p.days(), Plan.between(r, 3, 5));
            int d0 = Plan.between(r, 0, p.days() - span);
            for (int d = d0; d < d0 + span; d++) {
                for (int c = 0; c < k; c++) {
                    long budget = Plan.between(r, 5, 60) * 1000L;
                    long t = p.at(d, 12, 20, r);
                    long coins = 0;
                    String currency = Plan.currency(r, countries[c], 0.3);
                    while (coins < budget) {
                        Object[] rc = r.nextDouble() < 0.5
                                ? p.rechargeWeb(t, ids[c], Math.min(80_000, 10 * ((budget - coins + 9) / 10)),
                                        currency, cards[c], devices[c], countries[c])
                                : p.rechargePackage(t, ids[c], Plan.P6607, currency, channels[c], cards[c],
                                        devices[c], countries[c]);
                        coins += (Long) rc[4];
                        t += Plan.between(r, 1, 10) * Plan.MINUTE;
                    }
                    p.spend(r, t + 5 * Plan.MINUTE, Plan.between(r, 1, 3) * Plan.HOUR, ids[c], ids[(c + 1) % k],
                            budget, Gifts.BIG_AND_HUGE, devices[c], countries[c]);
                }
            }
            for (int c = 0; c < k; c++) {
                p.label(ids[c], "creator");
                p.label(ids[c], "sender");
            }
            p.instances++;
        }
    }
}
