package io.giftpay.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.rules.DetectionRule;
import io.giftpay.rules.RuleFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Rule files are validated before a night reads anything; errors name the file and the field. */
class RuleFilesTest {
  private static final Path BROKEN = Path.of("src/test/resources/detection/broken");

  @Test
  void theShippedRulesLoadAndCoverEveryNamedRisk() {
    List<DetectionRule> rules = RuleFiles.load(Path.of("../../rules/detection"));
    Set<String> ids = rules.stream().map(DetectionRule::id).collect(Collectors.toSet());
    for (String risk : List.of("overspending-vs-baseline", "underage-spending", "card-testing", "shared-card", "shared-device",
        "stolen-card-laundering", "self-gifting", "reciprocal-ring", "promo-farming", "account-takeover", "chargebacks")) {
      assertTrue(ids.contains(risk), risk);
    }
    assertEquals(rules.stream().map(DetectionRule::id).sorted().toList(), rules.stream().map(DetectionRule::id).toList(), "sorted by file");
  }

  @Test
  void everyBrokenFixtureIsRefusedNamingItsFileAndField() {
    Map<String, String> fieldByFixture = Map.ofEntries(
        Map.entry("unknown-column-in-condition", "condition"),
        Map.entry("function-not-allowed", "condition"),
        Map.entry("unparseable-condition", "condition"),
        Map.entry("subquery-in-condition", "condition"),
        Map.entry("qualified-column", "condition"),
        Map.entry("evidence-unknown-column", "evidence"),
        Map.entry("id-not-the-file-name", "id"),
        Map.entry("missing-severity", "severity"),
        Map.entry("unknown-action", "action"),
        Map.entry("view-of-the-other-scope", "view"),
        Map.entry("unknown-view", "view"));
    fieldByFixture.forEach((fixture, field) -> {
      Path file = BROKEN.resolve(fixture + ".yaml");
      RuleFileException e = assertThrows(RuleFileException.class, () -> RuleFiles.read(file), fixture);
      assertEquals(field, e.field(), fixture + ": " + e.getMessage());
      assertTrue(e.getMessage().startsWith(file + ": field '" + field + "'"), e.getMessage());
    });
    RuleFileException notYaml = assertThrows(RuleFileException.class, () -> RuleFiles.read(BROKEN.resolve("not-yaml.yaml")));
    assertTrue(notYaml.getMessage().contains("not valid YAML"), notYaml.getMessage());
  }

  @Test
  void messagesSayWhatIsWrong() {
    assertTrue(message("unknown-column-in-condition").contains("unknown column 'coins_tonight' in view sender_features"));
    assertTrue(message("function-not-allowed").contains("function 'input_file_name' is not allowed"));
    assertTrue(message("subquery-in-condition").contains("subqueries are not allowed"));
    assertTrue(message("unknown-action").contains("'freeze' is not one of review, hold"));
  }

  @Test
  void aFolderWithABrokenFileFailsAsAWhole() {
    RuleFileException e = assertThrows(RuleFileException.class, () -> RuleFiles.load(BROKEN));
    assertTrue(e.getMessage().startsWith(BROKEN.toString()), e.getMessage());
  }

  private static String message(String fixture) {
    return assertThrows(RuleFileException.class, () -> RuleFiles.read(BROKEN.resolve(fixture + ".yaml"))).getMessage();
  }
}
