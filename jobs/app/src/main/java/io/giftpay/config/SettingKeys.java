package io.giftpay.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The {@code giftpay.*} keys there are: exactly the key constants {@link GiftpayConfig} declares
 * (its public static String fields not named {@code *_DEFAULT}), so declaring a setting is what
 * makes it known. A misspelt key would otherwise be ignored and its default used without a word.
 */
final class SettingKeys {
  static final String PREFIX = "giftpay.";

  /** Known keys, sorted. */
  static final Set<String> KNOWN = declaredKeys();

  /** Read from the JVM only (the launcher and Log4j read them before any config file). */
  static final Set<String> JVM_ONLY = Set.of(GiftpayConfig.HOME, GiftpayConfig.LOG_FILE);

  /**
   * JVM switches of the tests that rewrite docs/ (NightReportBrowserTest, PublishedTablesDocTest);
   * Maven hands them to every test JVM, where they are not settings and are left alone.
   */
  static final Set<String> TEST_SWITCHES = Set.of("giftpay.report.png", "giftpay.tables-doc.write");

  private SettingKeys() {}

  /** Refuses a key of a {@code --config} file that is not a setting. */
  static void checkFileKey(String key, String file) {
    String where = "Invalid --config " + file + ": ";
    if (JVM_ONLY.contains(key)) {
      throw new IllegalArgumentException(
          where + key + " is read from the JVM only (-D" + key + "=...), not from a file");
    }
    if (!key.startsWith(PREFIX) && !key.startsWith("spark.")) {
      throw new IllegalArgumentException(
          where + "unknown setting '" + key + "' (keys start with giftpay. or spark.)" + hint(key));
    }
    if (key.startsWith(PREFIX) && !KNOWN.contains(key)) {
      throw new IllegalArgumentException(where + "unknown setting '" + key + "'" + hint(key));
    }
  }

  /** Refuses a {@code -Dgiftpay.*} JVM property that is not a setting. */
  static void checkJvmKey(String key) {
    if (key.startsWith(PREFIX) && !KNOWN.contains(key) && !TEST_SWITCHES.contains(key)) {
      throw new IllegalArgumentException("Invalid -D" + key + ": unknown setting" + hint(key));
    }
  }

  /** Refuses a key set in code that GiftpayConfig does not declare (a programming error). */
  static void checkCodeKey(String key) {
    if (key.startsWith(PREFIX) && !KNOWN.contains(key)) {
      throw new IllegalArgumentException(
          "Invalid setting key: " + key + " (not declared in GiftpayConfig)" + hint(key));
    }
  }

  /** " (did you mean a, b?)" for the nearest keys, or where the list is. */
  static String hint(String key) {
    String typed = key.toLowerCase(Locale.ROOT);
    String wanted = typed.startsWith(PREFIX) ? typed : PREFIX + typed;
    List<String> near =
        KNOWN.stream()
            .filter(k -> distance(wanted, k) <= Math.max(2, k.length() / 6))
            .sorted(
                Comparator.comparingInt((String k) -> distance(wanted, k)).thenComparing(k -> k))
            .limit(3)
            .toList();
    if (!near.isEmpty()) {
      return " (did you mean " + String.join(", ", near) + "?)";
    }
    return " (the settings are listed in the README, \"Rules and configuration\")";
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static Set<String> declaredKeys() {
    SortedSet<String> keys = new TreeSet<>();
    for (Field field : GiftpayConfig.class.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers)
          && Modifier.isStatic(modifiers)
          && field.getType() == String.class
          && !field.getName().endsWith("_DEFAULT")) {
        try {
          keys.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Collections.unmodifiableSortedSet(keys);
  }
}
