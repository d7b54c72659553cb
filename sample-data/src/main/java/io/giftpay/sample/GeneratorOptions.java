package io.giftpay.sample;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What to generate. Validated on construction.
 *
 * @param out output folder; the table folders and {@code _truth/} are created under it (existing
 *     ones of those names are replaced, nothing else is touched)
 * @param start first landing date (UTC)
 * @param days number of days, 1..366
 * @param users population size including creators and the accounts that sign up during the period,
 *     at least 10; gifts per day are about {@code 1.5 × users}
 * @param creators number of creators, at least 1 and less than {@code users}
 * @param seed random seed; the same options give byte-identical files
 * @param format file format
 * @param giftCoins the gift catalogue, gift_id → coins (each &gt; 0); kept sorted by gift_id
 * @param patternScale how many instances of the standard fraud patterns and innocent look-alikes
 *     {@link LedgerGenerator#generate(GeneratorOptions, java.util.function.Consumer)} injects, as a
 *     multiple of each pattern's default rate per 1,000 users: 1 = the default, 0 = none (no
 *     patterns, {@code labels.csv} and {@code lookalikes.csv} header only); any positive scale
 *     injects at least each pattern's minimum (1 or 2 instances)
 * @param lookalikeScale the same for the innocent look-alikes alone, so an evaluation can make the
 *     patterns rare while the look-alikes stay at their default rate; look-alikes are injected only
 *     while patterns are on
 */
public record GeneratorOptions(
    Path out,
    LocalDate start,
    int days,
    int users,
    int creators,
    long seed,
    LedgerFormat format,
    Map<String, Long> giftCoins,
    double patternScale,
    double lookalikeScale) {

  /** Default pattern scale: the standard patterns and look-alikes at their default rates. */
  public static final double DEFAULT_PATTERN_SCALE = 1.0;

  /**
   * Options with the standard patterns on at their default rates ({@link #DEFAULT_PATTERN_SCALE}).
   */
  public GeneratorOptions(
      Path out,
      LocalDate start,
      int days,
      int users,
      int creators,
      long seed,
      LedgerFormat format,
      Map<String, Long> giftCoins) {
    this(
        out,
        start,
        days,
        users,
        creators,
        seed,
        format,
        giftCoins,
        DEFAULT_PATTERN_SCALE,
        DEFAULT_PATTERN_SCALE);
  }

  /** The same options with another scale for patterns and look-alikes (0 switches both off). */
  public GeneratorOptions withPatternScale(double scale) {
    return new GeneratorOptions(
        out, start, days, users, creators, seed, format, giftCoins, scale, scale);
  }

  /** The same options with separate scales for the fraud patterns and the innocent look-alikes. */
  public GeneratorOptions withScales(double patterns, double lookalikes) {
    return new GeneratorOptions(
        out, start, days, users, creators, seed, format, giftCoins, patterns, lookalikes);
  }

  /** The same options without the standard patterns and look-alikes. */
  public GeneratorOptions withoutPatterns() {
    return withPatternScale(0);
  }

  /**
   * Whether {@link LedgerGenerator#generate(GeneratorOptions, java.util.function.Consumer)} injects
   * patterns.
   */
  public boolean patternsOn() {
    return patternScale > 0;
  }

  public GeneratorOptions {
    Objects.requireNonNull(out, "Invalid out: null (an output folder is required)");
    Objects.requireNonNull(start, "Invalid start: null (a start date is required)");
    Objects.requireNonNull(format, "Invalid format: null (PARQUET, CSV or MIXED)");
    if (days < 1 || days > 366) {
      throw new IllegalArgumentException("Invalid days: " + days + " (must be between 1 and 366)");
    }
    if (users < 10) {
      throw new IllegalArgumentException("Invalid users: " + users + " (must be at least 10)");
    }
    if (creators < 1 || creators >= users) {
      throw new IllegalArgumentException(
          "Invalid creators: "
              + creators
              + " (must be at least 1 and less than users, "
              + users
              + ")");
    }
    if (giftCoins == null || giftCoins.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid giftCoins: "
              + (giftCoins == null ? "null" : "empty")
              + " (the gift catalogue needs at least one gift)");
    }
    SortedMap<String, Long> sorted = new TreeMap<>();
    for (Map.Entry<String, Long> e : giftCoins.entrySet()) {
      String id = e.getKey();
      Long coins = e.getValue();
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("Invalid giftCoins: blank gift_id");
      }
      if (coins == null || coins <= 0) {
        throw new IllegalArgumentException(
            "Invalid giftCoins: " + id + " = " + coins + " (coins must be positive)");
      }
      sorted.put(id, coins);
    }
    giftCoins = Collections.unmodifiableSortedMap(sorted);
    if (!(patternScale >= 0 && patternScale <= 100)) {
      throw new IllegalArgumentException(
          "Invalid patternScale: "
              + patternScale
              + " (must be between 0 and 100; 0 = no patterns, 1 = default)");
    }
    if (!(lookalikeScale >= 0 && lookalikeScale <= 100)) {
      throw new IllegalArgumentException(
          "Invalid lookalikeScale: "
              + lookalikeScale
              + " (must be between 0 and 100; 0 = no look-alikes, 1 = default)");
    }
  }
}
