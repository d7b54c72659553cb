package io.giftpay.detection;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.review.CaseKind;
import io.giftpay.rules.DetectionRule;
import io.giftpay.rules.RuleFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rule files are validated before a night reads anything; errors name the file and the field. */
class RuleFilesTest {
  private static final Path BROKEN = Path.of("src/test/resources/detection/broken");

  /**
   * Each fixture of {@link #BROKEN}, named after its defect: the field it breaks and what the
   * message says.
   */
  static Stream<Arguments> brokenFixtures() {
    return Stream.of(
        // fields and views
        Arguments.of(
            "evidence-unknown-column", "evidence", "unknown column 'cvv' in view sender_features"),
        Arguments.of(
            "id-not-the-file-name",
            "id",
            "'something-else' must match the file name 'id-not-the-file-name'"),
        Arguments.of("missing-severity", "severity", "missing"),
        Arguments.of("unknown-action", "action", "'freeze' is not one of review, hold"),
        Arguments.of("view-of-the-other-scope", "view", "a sender rule reads"),
        Arguments.of("unknown-view", "view", "unknown view 'wallet_features'"),
        Arguments.of(
            "unknown-column-in-condition",
            "condition",
            "unknown column 'coins_tonight' in view sender_features"),
        Arguments.of("qualified-column", "condition", "unknown column 'sf.coins_today'"),
        Arguments.of("unparseable-condition", "condition", "not valid Spark SQL"),
        // hostile conditions: code, files, other tables, hidden SQL
        Arguments.of("reflect-call", "condition", "function 'reflect' is not allowed"),
        Arguments.of("java-method-call", "condition", "function 'java_method' is not allowed"),
        Arguments.of("try-reflect-call", "condition", "function 'try_reflect' is not allowed"),
        Arguments.of("identifier-clause-function", "condition", "IDENTIFIER(...) is not allowed"),
        Arguments.of(
            "input-file-name-call", "condition", "function 'input_file_name' is not allowed"),
        Arguments.of(
            "input-file-block-start-call",
            "condition",
            "function 'input_file_block_start' is not allowed"),
        Arguments.of(
            "input-file-block-length-call",
            "condition",
            "function 'input_file_block_length' is not allowed"),
        Arguments.of(
            "udf-not-in-allowlist", "condition", "function 'giftpay_risk_score' is not allowed"),
        Arguments.of(
            "catalog-qualified-function",
            "condition",
            "function 'spark_catalog.default.risk_score' is not allowed"),
        Arguments.of("subquery-in-condition", "condition", "subqueries are not allowed"),
        Arguments.of("exists-subquery", "condition", "subqueries are not allowed"),
        Arguments.of("in-subquery", "condition", "subqueries are not allowed"),
        Arguments.of(
            "window-over-the-view", "condition", "window functions (OVER) are not allowed"),
        Arguments.of("regex-match", "condition", "is not allowed (a condition may use comparisons"),
        Arguments.of("semicolon-second-statement", "condition", "';' is not allowed"),
        Arguments.of("line-comment-hiding-sql", "condition", "comments ('--') are not allowed"),
        Arguments.of("block-comment-hiding-sql", "condition", "comments ('/* */') are not allowed"),
        Arguments.of("variable-substitution", "condition", "'${' is not allowed"));
  }

  @Test
  void theShippedRulesLoadAndCoverEveryNamedRisk() {
    List<DetectionRule> rules = RuleFiles.load(Path.of("../../rules/detection"));
    Set<String> ids = rules.stream().map(DetectionRule::id).collect(Collectors.toSet());
    for (String risk :
        List.of(
            "overspending-vs-baseline",
            "underage-spending",
            "card-testing",
            "shared-card",
            "shared-device",
            "stolen-card-laundering",
            "self-gifting",
            "reciprocal-ring",
            "promo-farming",
            "account-takeover",
            "chargebacks")) {
      assertTrue(ids.contains(risk), risk);
    }
    assertEquals(
        rules.stream().map(DetectionRule::id).sorted().toList(),
        rules.stream().map(DetectionRule::id).toList(),
        "sorted by file");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFixtures")
  void aBrokenRuleIsRefusedAtLoadNamingItsFileAndField(
      String fixture, String field, String problem, @TempDir Path rules) throws Exception {
    Path file = Files.copy(BROKEN.resolve(fixture + ".yaml"), rules.resolve(fixture + ".yaml"));
    RuleFileException e =
        assertThrows(RuleFileException.class, () -> RuleFiles.load(rules), fixture);
    assertEquals(file.toString(), e.file());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().startsWith(file + ": field '" + field + "': "), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  void everyBrokenFixtureIsListedAbove() throws Exception {
    Set<String> listed =
        brokenFixtures()
            .map(a -> (String) a.get()[0])
            .collect(Collectors.toCollection(TreeSet::new));
    listed.add("not-yaml");
    try (Stream<Path> files = Files.list(BROKEN)) {
      assertEquals(
          files
              .map(f -> f.getFileName().toString().replace(".yaml", ""))
              .collect(Collectors.toCollection(TreeSet::new)),
          listed);
    }
  }

  @Test
  void aFileThatIsNotYamlIsRefusedNamingIt() {
    Path file = BROKEN.resolve("not-yaml.yaml");
    RuleFileException e = assertThrows(RuleFileException.class, () -> RuleFiles.read(file));
    assertTrue(e.getMessage().startsWith(file + ": not valid YAML"), e.getMessage());
  }

  @Test
  void theDocumentedSyntaxIsAccepted() {
    // docs/detection.md: comparisons, arithmetic, and/or/not, in, between, case when, cast and the
    // listed functions.
    String condition =
        "not (coins_today between 1 and 10) and recharges_today in (0, 1) and cast(coins_today as double) / 2 >= -1.5"
            + " and case when cards_today > 3 then true else coins_today % 7 = 0 end and chargebacks_30d is not null"
            + " and greatest(abs(coins_today - 5), coalesce(cards_today, 0)) * 2 > ln(1) or coins_today div 3 <> 0";
    assertDoesNotThrow(() -> RuleConditions.check(rule(condition)));
  }

  @Test
  void aFolderWithABrokenFileFailsAsAWhole() {
    RuleFileException e = assertThrows(RuleFileException.class, () -> RuleFiles.load(BROKEN));
    assertTrue(e.getMessage().startsWith(BROKEN.toString()), e.getMessage());
  }

  private static DetectionRule rule(String condition) {
    return new DetectionRule(
        "documented-syntax",
        1,
        "test",
        "tests",
        DetectionRule.Scope.SENDER,
        "sender_features",
        DetectionRule.Severity.HIGH,
        DetectionRule.Action.REVIEW,
        condition,
        List.of("coins_today"),
        CaseKind.FRAUD,
        "documented-syntax.yaml");
  }
}
