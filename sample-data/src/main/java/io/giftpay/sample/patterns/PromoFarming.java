package io.giftpay.sample.patterns;

import java.util.SplittableRandom;

/**
 * Many new accounts earning reward coins from the same campaign and funnelling them as gifts to one
 * creator, with little or no recharge.
 */
public final class PromoFarming extends PlannedPattern {
    public static final String NAME = "promo_farming";

    private static final String[] CAMPAIGNS = {"invite-a-friend", "live-challenge-nov", "watch-10-min"};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "10-25 fresh accounts (created within a day before their first event) each earning 2-5 rewards of "
                + "50-200 coins from the same campaign within hours, then gifting ~90-100% of them (cheap and "
                + "small gifts) to one creator (new, payable, created 30-400 days before the start); ~20% also buy "
                + "one coins_65; half the farms use a pool of shared devices (one per ~4 accounts); senders and "
                + "creator labelled; 0.5 per 1,000 users, min 1";
    }

    @Override
    void plan(Plan p) {
        int n = p.ctx.instances(0.5, 1);
        for (int i = 0; i < n; i++) {
            SplittableRandom r = p.rng("promo", i);
            String campaign = CAMPAIGNS[r.nextInt(CAMPAIGNS.length)];
            String country = Plan.country(r);
            String creator = p.newCreator(0, p.oldCreatedAt(r, 30, 400), country, r);
            int k = Plan.between(r, 10, 25);
            boolean sharedDevices = r.nextDouble() < 0.5;
            String[] pool = new String[(k + 3) / 4];
            for (int j = 0; j < pool.length; j++) {
                pool[j] = Plan.newDevice(r);
            }
            int d0 = Plan.between(r, 0, p.days() - 1);
            for (int a = 0; a < k; a++) {
                int d = Math.min(p.days() - 1, d0 + (r.nextDouble() < 0.4 ? 1 : 0));
                long t = p.at(d, 2, 16, r);
                String user = p.newViewer(d, p.freshCreatedAt(t, r), p.adultBirth(r), country);
                String device = sharedDevices ? pool[r.nextInt(pool.length)] : Plan.newDevice(r);
                long coins = 0;
                int m = Plan.between(r, 2, 5);
                for (int j = 0; j < m; j++) {
                    long c = new long[] {50, 100, 100, 200}[r.nextInt(4)];
                    p.reward(t, user, campaign, c);
                    coins += c;
                    t += Plan.between(r, 5, 90) * Plan.MINUTE;
                }
                if (r.nextDouble() < 0.2) {
                    coins += (Long) p.rechargePackage(t, user, Plan.P65, "USD", Plan.platform(r), Plan.newCard(r),
                            device, country)[4];
                }
                p.spend(r, t + Plan.between(r, 1, 30) * Plan.MINUTE, Plan.between(r, 20, 120) * Plan.MINUTE, user,
                        creator, Math.round(coins * (0.9 + 0.1 * r.nextDouble())), Gifts.SMALL, device, country);
                p.label(user, "sender");
            }
            p.label(creator, "creator");
            p.instances++;
        }
    }
}
