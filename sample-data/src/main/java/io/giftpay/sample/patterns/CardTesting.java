package io.giftpay.sample.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Card testing: one account (sometimes 2-3 sharing a device) makes 15-40 tiny recharges (coins_65 in-app or
 * 30-100 coins on the web) within minutes, nearly each with another payment_fingerprint, then a few gifts;
 * about a third of the recharges are charged back 2-5 days later (when that is inside the run).
 */
public final class CardTesting extends PlannedPattern {
    public static final String NAME = "card_testing";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "1 account (30%: 2-3 on one device) created 0-30 days before the start: 15-40 tiny recharges "
                + "(coins_65 at 0.99 or web 30-100 coins) 10-90 s apart, ~90% with a new payment_fingerprint, "
                + "IP often abroad; then 2-10 mid gifts within the hour; ~1/3 of those recharges charged back 2-5 "
                + "days later; 0.7 per 1,000 users, min 1";
    }

    @Override
    void plan(Plan p) {
        int n = p.ctx.instances(0.7, 1);
        for (int i = 0; i < n; i++) {
            SplittableRandom r = p.rng("tester", i);
            int d = Plan.between(r, 0, Math.max(0, p.days() - 3));
            int k = r.nextDouble() < 0.7 ? 1 : Plan.between(r, 2, 3);
            String device = Plan.newDevice(r);
            String channel = Plan.platform(r);
            boolean web = r.nextDouble() < 0.4;
            String country = Plan.country(r);
            String ip = r.nextDouble() < 0.5 ? Plan.otherCountry(r, country) : country;
            long t = p.at(d, 0, 21, r);
            int total = Plan.between(r, 15, 40);
            String creator = p.anyCreator(r);
            for (int a = 0; a < k; a++) {
                String user = p.newViewer(0, p.oldCreatedAt(r, 0, 30), p.adultBirth(r), country);
                List<Object[]> recharges = new ArrayList<>();
                String card = Plan.newCard(r);
                long coins = 0;
                int m = total / k;
                for (int j = 0; j < m; j++) {
                    if (j > 0 && r.nextDouble() < 0.9) {
                        card = Plan.newCard(r);
                    }
                    Object[] rc = web
                            ? p.rechargeWeb(t, user, 10L * Plan.between(r, 3, 10), "USD", card, device, ip)
                            : p.rechargePackage(t, user, Plan.P65, "USD", channel, card, device, ip);
                    recharges.add(rc);
                    coins += (Long) rc[4];
                    t += Plan.between(r, 10, 90) * 1000L;
                }
                long spent = p.spend(r, t + Plan.between(r, 1, 10) * Plan.MINUTE, 50 * Plan.MINUTE, user, creator,
                        Math.round(coins * (0.6 + 0.4 * r.nextDouble())), Gifts.MID, device, ip);
                t += Plan.between(r, 2, 8) * Plan.MINUTE;
                for (Object[] rc : recharges) {
                    if (r.nextDouble() < 0.33) {
                        p.reversal((Long) rc[1] + (2 * 24 + r.nextInt(3 * 24)) * Plan.HOUR + r.nextInt((int) Plan.HOUR),
                                rc, "chargeback");
                    }
                }
                if (spent >= 0) {
                    p.label(user, "sender");
                }
            }
            p.instances++;
        }
    }
}
