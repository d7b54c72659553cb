package io.giftpay.oracle;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Payout policy v1 values (ledger contract, section 3), read with plain {@link Properties}
 * from finance's file, independently of the application's policy loader.
 */
public record PolicyV1(long diamondsPerCoin, BigDecimal diamondValueUsd, BigDecimal minimumPayoutUsd, BigDecimal dailyCapUsd) {

  public static PolicyV1 read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(reader);
    }
    if (!"1".equals(value(p, "policy.version", file))) {
      throw new IllegalStateException("The oracle implements policy v1 only, " + file + " says " + p.getProperty("policy.version"));
    }
    PolicyV1 policy =
        new PolicyV1(
            Long.parseLong(value(p, "diamonds_per_coin", file)),
            new BigDecimal(value(p, "diamond_value_usd", file)),
            new BigDecimal(value(p, "minimum_payout_usd", file)),
            new BigDecimal(value(p, "daily_cap_usd", file)));
    // Contract 3.2: one diamond's value must divide one cent exactly.
    if (new BigDecimal("0.01").remainder(policy.diamondValueUsd()).signum() != 0) {
      throw new IllegalStateException("diamond_value_usd " + policy.diamondValueUsd() + " does not divide one cent");
    }
    return policy;
  }

  private static String value(Properties p, String key, Path file) {
    String v = p.getProperty(key);
    if (v == null) {
      throw new IllegalStateException(file + " has no " + key);
    }
    return v.trim();
  }
}
