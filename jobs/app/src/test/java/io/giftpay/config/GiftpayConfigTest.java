package io.giftpay.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every giftpay.* setting is declared in GiftpayConfig; any other is refused, naming it. */
class GiftpayConfigTest {
  private static final Path FIXTURES = Path.of("src/test/resources/config");
  private static final String TYPO = "giftpay.model.enable";

  @AfterEach
  void clearProperties() {
    System.clearProperty(TYPO);
    System.clearProperty("giftpay.report.png");
    System.clearProperty(GiftpayConfig.SHUFFLE_PARTITIONS);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      misspelt-setting             | unknown setting 'giftpay.spark.shuffle-partition' (did you mean giftpay.spark.shuffle-partitions?)
      setting-without-prefix       | unknown setting 'model.enabled' (keys start with giftpay. or spark.) (did you mean giftpay.model.enabled?)
      jvm-only-setting-in-file     | giftpay.log.file is read from the JVM only (-Dgiftpay.log.file=...), not from a file
      unknown-setting-near-nothing | unknown setting 'giftpay.warp.speed' (the settings are listed in the README
      """)
  void aConfigFileWithAKeyThatIsNotASettingIsRefusedNamingFileAndKey(
      String fixture, String problem) {
    Path file = FIXTURES.resolve(fixture + ".properties");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GiftpayConfig.load(file));
    assertTrue(
        e.getMessage().startsWith("Invalid --config " + file + ": " + problem), e.getMessage());
  }

  @Test
  void anUnknownJvmSettingIsRefusedWithTheNearestKeys() {
    System.setProperty(TYPO, "false");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GiftpayConfig.load(null));
    assertEquals(
        "Invalid -D" + TYPO + ": unknown setting (did you mean giftpay.model.enabled?)",
        e.getMessage());
  }

  @Test
  void knownSettingsAndTheDocTestsSwitchesPass() {
    System.setProperty(GiftpayConfig.SHUFFLE_PARTITIONS, "3");
    System.setProperty("giftpay.report.png", "docs/night-report.png");
    GiftpayConfig config = GiftpayConfig.load(null);
    assertEquals(
        3,
        config.getInt(GiftpayConfig.SHUFFLE_PARTITIONS, GiftpayConfig.SHUFFLE_PARTITIONS_DEFAULT));
    assertEquals(null, config.getOrNull("giftpay.report.png"), "a test switch is not a setting");
  }

  @Test
  void aKeyNotDeclaredCannotBeSetInCodeEither() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GiftpayConfig.defaults().with("giftpay.spark.mastr", "x"));
    assertTrue(
        e.getMessage().startsWith("Invalid setting key: giftpay.spark.mastr"), e.getMessage());
  }

  @Test
  void theKnownKeysAreTheDeclaredConstants() {
    Set<String> expected =
        Set.of(
            GiftpayConfig.SPARK_MASTER,
            GiftpayConfig.MODEL_SEED,
            GiftpayConfig.FAULT_POINT,
            GiftpayConfig.HOME);
    assertTrue(SettingKeys.KNOWN.containsAll(expected), SettingKeys.KNOWN.toString());
    assertTrue(
        SettingKeys.KNOWN.stream().allMatch(k -> k.startsWith("giftpay.")),
        SettingKeys.KNOWN.toString());
    assertTrue(
        SettingKeys.KNOWN.stream().noneMatch(k -> k.equals(GiftpayConfig.LOG_FILE_DEFAULT)),
        "defaults are not keys");
  }

  @Test
  void theReadmeTableListsEverySettingAndNoOther() throws Exception {
    String readme = Files.readString(Path.of("../../README.md"));
    String table = readme.substring(readme.indexOf("| key | default | meaning |"));
    table = table.substring(0, table.indexOf("\n\n"));
    Set<String> documented = new TreeSet<>();
    Matcher key = Pattern.compile("^\\| `(giftpay\\.[a-z.-]+)`", Pattern.MULTILINE).matcher(table);
    while (key.find()) {
      documented.add(key.group(1));
    }
    assertEquals(SettingKeys.KNOWN, documented);
  }

  @Test
  void nearKeysAreFoundByEditDistance() {
    assertEquals(1, SettingKeys.distance("giftpay.spark.ui", "giftpay.spark.uii"));
    assertEquals(3, SettingKeys.distance("kitten", "sitting"));
    assertEquals(" (did you mean giftpay.model.seed?)", SettingKeys.hint("giftpay.model.sed"));
  }
}
