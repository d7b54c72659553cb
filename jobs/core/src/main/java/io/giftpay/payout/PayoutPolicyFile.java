package io.giftpay.payout;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Loads a {@link PayoutPolicy} from a {@code .properties} file. Missing keys take the contract
 * defaults; unknown and repeated keys are refused so a typo cannot silently fall back to a default.
 */
public final class PayoutPolicyFile {
  private static final List<String> KEYS =
      List.of(
          PayoutPolicy.VERSION,
          PayoutPolicy.DIAMONDS_PER_COIN,
          PayoutPolicy.DIAMOND_VALUE_USD,
          PayoutPolicy.MINIMUM_PAYOUT_USD,
          PayoutPolicy.DAILY_CAP_USD,
          PayoutPolicy.REVERSAL_HOLD_DAYS,
          PayoutPolicy.CLEARING_NIGHTS);

  // plain notation only: "1e2" or "0x10" in a money file is more likely a mistake than intent
  private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
  private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");

  private PayoutPolicyFile() {}

  public static PayoutPolicy load(Path file) {
    if (file == null) {
      throw new IllegalArgumentException("Invalid policy file: null");
    }
    String name = file.toString();
    Properties props = read(file, name);

    Set<String> unknown = new TreeSet<>(props.stringPropertyNames());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      String first = unknown.iterator().next();
      String message =
          unknown.size() == 1
              ? "unknown key '" + first + "'"
              : "unknown keys '" + String.join("', '", unknown) + "'";
      throw new PolicyFileException(name, first, message + " (expected one of " + KEYS + ")", null);
    }

    PayoutPolicy defaults = PayoutPolicy.defaults();
    try {
      int version =
          (int) whole(props, name, PayoutPolicy.VERSION, defaults.version(), Integer.MAX_VALUE);
      // a version 1 file predates clearing: its missing clearing_nights means none, not v2's
      // default
      int clearingDefault = version == 1 ? 0 : defaults.clearingNights();
      return new PayoutPolicy(
          version,
          whole(
              props,
              name,
              PayoutPolicy.DIAMONDS_PER_COIN,
              defaults.diamondsPerCoin(),
              Long.MAX_VALUE),
          decimal(props, name, PayoutPolicy.DIAMOND_VALUE_USD, defaults.diamondValueUsd()),
          decimal(props, name, PayoutPolicy.MINIMUM_PAYOUT_USD, defaults.minimumPayoutUsd()),
          decimal(props, name, PayoutPolicy.DAILY_CAP_USD, defaults.dailyCapUsd()),
          (int)
              whole(
                  props,
                  name,
                  PayoutPolicy.REVERSAL_HOLD_DAYS,
                  defaults.reversalHoldDays(),
                  Integer.MAX_VALUE),
          (int)
              whole(props, name, PayoutPolicy.CLEARING_NIGHTS, clearingDefault, Integer.MAX_VALUE));
    } catch (InvalidPolicyValueException e) {
      throw new PolicyFileException(name, e.key(), e.getMessage(), e);
    }
  }

  private static Properties read(Path file, String name) {
    Properties props =
        new Properties() {
          @Override
          public synchronized Object put(Object key, Object value) {
            // Properties keeps the last of repeated keys; which one finance meant is unknowable
            if (containsKey(key)) {
              throw new PolicyFileException(
                  name, (String) key, "duplicate key '" + key + "'", null);
            }
            return super.put(key, value);
          }
        };
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      if (e instanceof PolicyFileException) {
        throw (PolicyFileException) e;
      }
      throw new PolicyFileException(name, null, "cannot read policy file (" + e + ")", e);
    }
    return props;
  }

  private static long whole(Properties props, String name, String key, long fallback, long max) {
    String raw = props.getProperty(key);
    if (raw == null) {
      return fallback;
    }
    String text = raw.trim();
    try {
      if (WHOLE.matcher(text).matches()) {
        long value = Long.parseLong(text);
        if (value <= max && value >= -max) {
          return value;
        }
      }
    } catch (NumberFormatException e) {
      // falls through: too many digits
    }
    throw new PolicyFileException(
        name,
        key,
        String.format("Invalid %s: '%s' (not a whole number in range)", key, text),
        null);
  }

  private static BigDecimal decimal(
      Properties props, String name, String key, BigDecimal fallback) {
    String raw = props.getProperty(key);
    if (raw == null) {
      return fallback;
    }
    String text = raw.trim();
    if (!DECIMAL.matcher(text).matches()) {
      throw new PolicyFileException(
          name, key, String.format("Invalid %s: '%s' (not a decimal)", key, text), null);
    }
    return new BigDecimal(text);
  }
}
