package io.giftpay.sample;

/**
 * An innocent account made to look like a fraud pattern, in {@code _truth/lookalikes.csv} (never in
 * {@code labels.csv}): a detector that flags it is producing a false positive.
 *
 * @param accountId the account's user_id
 * @param role {@code sender} or {@code creator}
 * @param kind what it looks like, e.g. {@code family_shared_card}
 */
public record Lookalike(String accountId, String role, String kind) {}
