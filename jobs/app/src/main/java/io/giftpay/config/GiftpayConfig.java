package io.giftpay.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Giftpay's settings: every key with its default, in one place (like Iceberg's TableProperties).
 * Values come, lowest precedence first, from these defaults, a properties file ({@code --config
 * FILE}), Java system properties, then command-line options. Keys starting with {@code spark.} are
 * passed to the Spark session unchanged. A {@code giftpay.*} key not declared here is refused, from
 * the file and from {@code -D} alike ({@link SettingKeys}).
 */
public final class GiftpayConfig {
  /** Spark master URL: {@code local[*]} on this machine, or any cluster's master. */
  public static final String SPARK_MASTER = "giftpay.spark.master";

  public static final String SPARK_MASTER_DEFAULT = "local[*]";

  /** Shuffle partitions: small, because 2 cores and 100k creators do not need 200 tasks. */
  public static final String SHUFFLE_PARTITIONS = "giftpay.spark.shuffle-partitions";

  public static final int SHUFFLE_PARTITIONS_DEFAULT = 8;

  /**
   * Largest night (bytes of its ledger event files) that runs with Spark's small-night settings
   * ({@code spark/SmallNightSettings}: interpreted expressions, no adaptive re-planning, 2 shuffle
   * partitions); 0 turns them off. Outputs are the same either way; only the time differs.
   */
  public static final String SMALL_NIGHT_BYTES = "giftpay.spark.small-night-bytes";

  public static final long SMALL_NIGHT_BYTES_DEFAULT = 32L * 1024 * 1024;

  /** Spark's web UI; off by default (it costs start-up time and a port). */
  public static final String SPARK_UI = "giftpay.spark.ui";

  public static final boolean SPARK_UI_DEFAULT = false;

  /** Folder of finance's and trust and safety's reviewed files. */
  public static final String RULES_DIR = "giftpay.rules.dir";

  public static final String RULES_DIR_DEFAULT = "rules";

  /** Payout policy file; default {@code <rules dir>/payout-policy.properties}. */
  public static final String POLICY_FILE = "giftpay.policy.file";

  /** Gift catalogue file; default {@code <rules dir>/gift-catalogue.csv}. */
  public static final String CATALOGUE_FILE = "giftpay.catalogue.file";

  /** Detection rules folder (one YAML file per rule); default {@code <rules dir>/detection}. */
  public static final String DETECTION_RULES_DIR = "giftpay.detection.rules-dir";

  /** Whether the anomaly model (Isolation Forest) runs each night. */
  public static final String MODEL_ENABLED = "giftpay.model.enabled";

  public static final boolean MODEL_ENABLED_DEFAULT = true;

  /**
   * Share of training accounts the model's threshold flags ({@code contamination=}), or a fixed
   * {@code score=}.
   */
  public static final String MODEL_THRESHOLD = "giftpay.model.threshold";

  public static final String MODEL_THRESHOLD_DEFAULT = "contamination=0.0005";

  /** The model's random seed: the same seed and inputs give the same model, byte for byte. */
  public static final String MODEL_SEED = "giftpay.model.seed";

  public static final long MODEL_SEED_DEFAULT = 42L;

  /** Most training rows (a deterministic sample of the window's sender features). */
  public static final String MODEL_TRAINING_ROWS = "giftpay.model.training-rows";

  public static final int MODEL_TRAINING_ROWS_DEFAULT = 50_000;

  /** Nights of sender features the model trains on (tonight included). */
  public static final String MODEL_WINDOW_NIGHTS = "giftpay.model.window-nights";

  public static final int MODEL_WINDOW_NIGHTS_DEFAULT = 7;

  /** JDBC URL of the Spring Batch job repository; default an H2 file inside the warehouse. */
  public static final String JOB_REPOSITORY_URL = "giftpay.job-repository.url";

  public static final String JOB_REPOSITORY_USER = "giftpay.job-repository.user";
  public static final String JOB_REPOSITORY_USER_DEFAULT = "sa";
  public static final String JOB_REPOSITORY_PASSWORD = "giftpay.job-repository.password";
  public static final String JOB_REPOSITORY_PASSWORD_DEFAULT = "";

  /** Largest accounts snapshot (rows) that validation broadcasts instead of shuffling. */
  public static final String BROADCAST_ACCOUNTS_MAX = "giftpay.ingest.broadcast-accounts-max";

  public static final long BROADCAST_ACCOUNTS_MAX_DEFAULT = 5_000_000L;

  /**
   * How many nights back ingest looks for files that landed in an event partition after its night
   * ran (they are read as late events: {@code night/LateFiles}).
   */
  public static final String LATE_FILE_NIGHTS = "giftpay.ingest.late-file-nights";

  public static final int LATE_FILE_NIGHTS_DEFAULT = 7;

  /**
   * Smallest forfeit (USD held by the case) that takes a second, different reviewer's confirmation.
   */
  public static final String REVIEW_FOUR_EYES_USD = "giftpay.review.four-eyes-usd";

  public static final String REVIEW_FOUR_EYES_USD_DEFAULT = "500.00";

  /**
   * Nights the rules that flagged a cleared case leave the account alone (unless the evidence
   * grows).
   */
  public static final String REVIEW_QUIET_NIGHTS = "giftpay.review.cleared-quiet-nights";

  public static final int REVIEW_QUIET_NIGHTS_DEFAULT = 14;

  /**
   * How much a feature must grow over what the reviewer cleared to flag again: 1.0 = more than
   * twice as much.
   */
  public static final String REVIEW_EVIDENCE_GROWTH = "giftpay.review.evidence-growth";

  public static final String REVIEW_EVIDENCE_GROWTH_DEFAULT = "1.0";

  /**
   * The identifier key file (HMAC key of card and device keys); default {@code
   * <warehouse>/_giftpay/secret/identifier.key}, created on first use. Set it to share one key
   * between warehouses (their card and device keys are then equal).
   */
  public static final String PRIVACY_KEY_FILE = "giftpay.privacy.key-file";

  /**
   * Tests only: {@code <step>:before} or {@code <step>:after} stops the run there ({@code
   * batch/FaultInjection}).
   */
  public static final String FAULT_POINT = "giftpay.fault.point";

  /**
   * Tests only: {@code <night>/<step>/<site>#<n>} sends this process SIGKILL at that place ({@code
   * warehouse/KillPoints}; the kill suite picks the places).
   */
  public static final String FAULT_KILL = "giftpay.fault.kill";

  /** Tests only: a file every kill point reached is appended to, one per line. */
  public static final String FAULT_TRACE = "giftpay.fault.trace";

  /**
   * Tests only: how the fault point stops the run, {@code halt} (as {@code kill -9}) or {@code
   * throw}.
   */
  public static final String FAULT_MODE = "giftpay.fault.mode";

  public static final String FAULT_MODE_DEFAULT = "halt";

  /**
   * The log file (JVM property only: Log4j reads it at start-up); a command that has a warehouse
   * sets it to {@code <warehouse>/_giftpay/logs/giftpay.log} unless given.
   */
  public static final String LOG_FILE = "giftpay.log.file";

  public static final String LOG_FILE_DEFAULT = "giftpay.log";

  /**
   * Where Giftpay is installed (JVM property only, set by {@code bin/giftpay}): relative rules
   * resolve against it.
   */
  public static final String HOME = "giftpay.home";

  private final Map<String, String> values;

  private GiftpayConfig(Map<String, String> values) {
    this.values = values;
  }

  public static GiftpayConfig defaults() {
    return new GiftpayConfig(new TreeMap<>());
  }

  /**
   * Reads a properties file over the defaults, then the JVM's {@code giftpay.*} and {@code spark.*}
   * system properties over that.
   */
  public static GiftpayConfig load(Path file) {
    Map<String, String> values = new TreeMap<>();
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("Invalid --config: " + file + " (no such file)");
      }
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Invalid --config: " + file + " (" + e.getMessage() + ")", e);
      }
      for (String key : new java.util.TreeSet<>(properties.stringPropertyNames())) {
        SettingKeys.checkFileKey(key, file.toString());
        values.put(key, properties.getProperty(key).trim());
      }
    }
    for (String key : new java.util.TreeSet<>(System.getProperties().stringPropertyNames())) {
      SettingKeys.checkJvmKey(key);
      if ((key.startsWith(SettingKeys.PREFIX)
              && SettingKeys.KNOWN.contains(key)
              && !SettingKeys.JVM_ONLY.contains(key))
          || key.startsWith("spark.")) {
        values.put(key, System.getProperty(key));
      }
    }
    return new GiftpayConfig(values);
  }

  /** A copy with one key set (command-line options win over everything). */
  public GiftpayConfig with(String key, String value) {
    SettingKeys.checkCodeKey(key);
    Map<String, String> copy = new TreeMap<>(values);
    copy.put(key, value);
    return new GiftpayConfig(copy);
  }

  public String get(String key, String defaultValue) {
    return values.getOrDefault(key, defaultValue);
  }

  public String getOrNull(String key) {
    return values.get(key);
  }

  public int getInt(String key, int defaultValue) {
    String value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid " + key + ": '" + value + "' (not a whole number)");
    }
  }

  public long getLong(String key, long defaultValue) {
    String value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid " + key + ": '" + value + "' (not a whole number)");
    }
  }

  /** A decimal setting, e.g. an amount of USD: never parsed as a double. */
  public java.math.BigDecimal getDecimal(String key, String defaultValue) {
    String value = get(key, defaultValue);
    try {
      return new java.math.BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid " + key + ": '" + value + "' (not a decimal number)");
    }
  }

  public double getDouble(String key, String defaultValue) {
    String value = get(key, defaultValue);
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid " + key + ": '" + value + "' (not a number)");
    }
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    String value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException(
        "Invalid " + key + ": '" + value + "' (must be true or false)");
  }

  /** The rules folder, resolved against {@code giftpay.home} when relative and not found. */
  public Path rulesDir() {
    Path dir = Path.of(get(RULES_DIR, RULES_DIR_DEFAULT));
    String home = System.getProperty(HOME);
    if (!dir.isAbsolute() && !Files.isDirectory(dir) && home != null) {
      dir = Path.of(home).resolve(dir);
    }
    return dir;
  }

  public Path policyFile() {
    String file = getOrNull(POLICY_FILE);
    return file != null ? Path.of(file) : rulesDir().resolve("payout-policy.properties");
  }

  public Path catalogueFile() {
    String file = getOrNull(CATALOGUE_FILE);
    return file != null ? Path.of(file) : rulesDir().resolve("gift-catalogue.csv");
  }

  public Path detectionRulesDir() {
    String dir = getOrNull(DETECTION_RULES_DIR);
    return dir != null ? Path.of(dir) : rulesDir().resolve("detection");
  }

  /** The {@code spark.*} keys to hand to the session as they are. */
  public Map<String, String> sparkPassThrough() {
    Map<String, String> spark = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith("spark.")) {
            spark.put(k, v);
          }
        });
    return spark;
  }
}
