package io.giftpay.sample.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fresh accounts buying the biggest packs with new cards and sending Universe/Lion/Dragon gifts to one
 * colluding creator within hours; most of those recharges are charged back 2-5 days later.
 */
public final class StolenCardLaundering extends PlannedPattern {
    public static final String NAME = "stolen_card_laundering";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "2-5 fresh accounts (created less than a day before their first event, usually on a snapshot day) "
                + "each making 3-6 big recharges (coins_6607 or web 20,000-80,000 coins, USD) with new cards "
                + "(a new card for most recharges), new devices, IP often abroad, then within hours sending "
                + "Private Jet/Dragon/Lion/Universe gifts to one colluding creator (KYC verified, payable, "
                + "created 20-300 days before the start); ~60% of the recharges charged back 2-5 days later; "
                + "senders and creator labelled; 0.7 per 1,000 users, min 1";
    }

    @Override
    void plan(Plan p) {
        int n = p.ctx.instances(0.7, 1);
        for (int i = 0; i < n; i++) {
            SplittableRandom r = p.rng("launder", i);
            List<Integer> candidates = new ArrayList<>();
            for (int d = 0; d <= p.days() - 3; d++) {
                if (p.ctx.isAccountsSnapshotDay(d)) {
                    candidates.add(d);
                }
            }
            int d = candidates.isEmpty() ? Plan.between(r, 0, p.days() - 1) : Plan.pick(r, candidates);
            String creatorCountry = Plan.country(r);
            String creator = p.newCreator(0, p.oldCreatedAt(r, 20, 300), creatorCountry, r);
            int k = Plan.between(r, 2, 5);
            long start = p.at(d, 1, 17, r);
            for (int a = 0; a < k; a++) {
                String country = Plan.country(r);
                String ip = r.nextDouble() < 0.5 ? Plan.otherCountry(r, country) : country;
                String device = Plan.newDevice(r);
                String channel = Plan.platform(r);
                long t = start + Plan.between(r, 0, 180) * Plan.MINUTE;
                String user = p.newViewer(d, p.freshCreatedAt(t, r), null, country);
                String card = Plan.newCard(r);
                List<Object[]> recharges = new ArrayList<>();
                long coins = 0;
                int m = Plan.between(r, 3, 6);
                for (int j = 0; j < m; j++) {
                    if (j > 0 && r.nextDouble() < 0.7) {
                        card = Plan.newCard(r);
                    }
                    Object[] rc = r.nextDouble() < 0.5
                            ? p.rechargeWeb(t, user, 1000L * Plan.between(r, 20, 80), "USD", card, device, ip)
                            : p.rechargePackage(t, user, Plan.P6607, "USD", channel, card, device, ip);
                    recharges.add(rc);
                    coins += (Long) rc[4];
                    t += Plan.between(r, 2, 15) * Plan.MINUTE;
                }
                p.spend(r, t + Plan.between(r, 5, 60) * Plan.MINUTE, Plan.between(r, 1, 3) * Plan.HOUR, user,
                        creator, coins, Gifts.HUGE_AND_JET, device, ip);
                boolean any = false;
                for (Object[] rc : recharges) {
                    if (r.nextDouble() < 0.6) {
                        any |= p.reversal(chargebackTime(p, rc, r), rc, "chargeback");
                    }
                }
                if (!any) {
                    p.reversal(chargebackTime(p, recharges.get(0), r), recharges.get(0), "chargeback");
                }
                p.label(user, "sender");
            }
            p.label(creator, "creator");
            p.instances++;
        }
    }

    private static long chargebackTime(Plan p, Object[] rc, SplittableRandom r) {
        return (Long) rc[1] + (2 * 24 + r.nextInt(3 * 24)) * Plan.HOUR + r.nextInt((int) Plan.HOUR);
    }
}
