package io.giftpay.oracle;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Payout policy values (ledger contract, section 3: version 1, or version 2 with point 11's
 * clearing), read with plain {@link Properties} from finance's file, independently of the
 * application's policy loader.
 */
public record ContractPolicy(
    int version,
    long diamondsPerCoin,
    BigDecimal diamondValueUsd,
    BigDecimal minimumPayoutUsd,
    BigDecimal dailyCapUsd,
    int clearingNights) {

  public static ContractPolicy read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(reader);
    }
    int version = Integer.parseInt(value(p, "policy.version", file));
    if (version != 1 && version != 2) {
      throw new IllegalStateException(
          "The oracle implements policy v1 and v2, " + file + " says " + version);
    }
    // Contract 3.11: v1 has no clearing; v2's clearing_nights defaults to 2.
    String clearing = p.getProperty("clearing_nights");
    int clearingNights =
        clearing == null ? (version == 1 ? 0 : 2) : Integer.parseInt(clearing.trim());
    if (version == 1 && clearingNights != 0) {
      throw new IllegalStateException(
          "policy v1 with clearing_nights " + clearingNights + " in " + file);
    }
    ContractPolicy policy =
        new ContractPolicy(
            version,
            Long.parseLong(value(p, "diamonds_per_coin", file)),
            new BigDecimal(value(p, "diamond_value_usd", file)),
            new BigDecimal(value(p, "minimum_payout_usd", file)),
            new BigDecimal(value(p, "daily_cap_usd", file)),
            clearingNights);
    // Contract 3.2: one diamond's value must divide one cent exactly.
    if (new BigDecimal("0.01").remainder(policy.diamondValueUsd()).signum() != 0) {
      throw new IllegalStateException(
          "diamond_value_usd " + policy.diamondValueUsd() + " does not divide one cent");
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
