package io.giftpay.sample;

/**
 * A labelled account in {@code _truth/labels.csv}.
 *
 * @param accountId the account's user_id
 * @param role {@code sender} or {@code creator}
 * @param pattern the injected pattern's name
 */
public record Label(String accountId, String role, String pattern) {}
