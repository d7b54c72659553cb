package io.giftpay.sample.patterns;

import java.util.SplittableRandom;

/** Look-alike of reciprocal_ring: two creators sending each other small gifts now and then. */
public final class CreatorsGiftingSmall extends PlannedPattern {
    public static final String NAME = "creators_gifting_small";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "look-alike of reciprocal_ring: two creators (generated ones when there are enough, else new ones) "
                + "each buying a small package and sending the other 20-300 coins of small gifts on 1-3 days "
                + "(a pair, not a cycle of 3-5, and small amounts); both listed with role creator; 0.5 pairs per "
                + "1,000 users, min 1";
    }

    @Override
    void plan(Plan p) {
        int n = p.ctx.lookalikeInstances(0.5, 1);
        for (int i = 0; i < n; i++) {
            SplittableRandom r = p.rng("pair", i);
            String[] ids = new String[2];
            String[] devices = new String[2];
            String[] cards = new String[2];
            String[] countries = new String[2];
            String[] channels = new String[2];
            for (int c = 0; c < 2; c++) {
                int idx = p.pickCreator(r, 3);
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
            int active = Math.min(p.days(), Plan.between(r, 1, 3));
            int d0 = Plan.between(r, 0, p.days() - active);
            for (int d = d0; d < d0 + active; d++) {
                for (int c = 0; c < 2; c++) {
                    if (d > d0 && r.nextDouble() < 0.4) {
                        continue;
                    }
                    long t = p.at(d, 15, 22, r);
                    long coins = (Long) p.rechargePackage(t, ids[c], r.nextDouble() < 0.6 ? Plan.P65 : Plan.P330, "USD",
                            channels[c], cards[c], devices[c], countries[c])[4];
                    p.spend(r, t + Plan.between(r, 2, 30) * Plan.MINUTE, 40 * Plan.MINUTE, ids[c], ids[1 - c],
                            Math.min(coins, Plan.between(r, 20, 300)), Gifts.SMALL, devices[c], countries[c]);
                }
            }
            p.lookalike(ids[0], "creator");
            p.lookalike(ids[1], "creator");
            p.instances++;
        }
    }
}
