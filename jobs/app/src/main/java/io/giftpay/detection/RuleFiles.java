package io.giftpay.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.giftpay.features.FeatureViews;
import io.giftpay.rules.DetectionRule;
import io.giftpay.rules.RuleFields;
import io.giftpay.rules.RuleFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads {@code rules/detection/*.yaml}: one rule per file, fields checked by {@link RuleFields},
 * the condition and evidence checked against the view by {@link RuleConditions}. Any problem stops
 * the load with a message naming the file and the field.
 */
public final class RuleFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private RuleFiles() {}

  public static List<DetectionRule> load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "Invalid detection rules folder: " + dir + " (no such folder)");
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files =
          listing
              .filter(
                  p ->
                      p.getFileName().toString().endsWith(".yaml")
                          || p.getFileName().toString().endsWith(".yml"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
    List<DetectionRule> rules = new ArrayList<>();
    Map<String, String> fileOfId = new HashMap<>();
    for (Path file : files) {
      DetectionRule rule = read(file);
      String earlier = fileOfId.putIfAbsent(rule.id(), rule.file());
      if (earlier != null) {
        throw new RuleFileException(
            rule.file(), "id", "'" + rule.id() + "' is also the id of " + earlier);
      }
      rules.add(rule);
    }
    rules.sort(java.util.Comparator.comparing(DetectionRule::id));
    return List.copyOf(rules);
  }

  @SuppressWarnings("unchecked")
  static DetectionRule read(Path file) {
    String name = file.toString();
    Object parsed;
    try {
      parsed = YAML.readValue(file.toFile(), Object.class);
    } catch (JsonProcessingException e) {
      throw new RuleFileException(name, null, "not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new RuleFileException(name, null, "cannot be read: " + e.getMessage());
    }
    if (parsed != null && !(parsed instanceof Map)) {
      throw new RuleFileException(
          name, null, "must be a YAML mapping of fields, not " + parsed.getClass().getSimpleName());
    }
    DetectionRule rule =
        RuleFields.parse((Map<String, Object>) parsed, name, FeatureViews.VIEWS.keySet());
    RuleConditions.check(rule);
    return rule;
  }
}
