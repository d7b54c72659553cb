package io.giftpay.rules;

import io.giftpay.review.CaseKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a rule file's fields (as parsed from YAML) into a {@link DetectionRule}, checking each
 * field: present, of the right kind, one of the allowed values. {@code kind} is optional ({@code
 * fraud} unless the file says {@code care}). The condition's SQL is checked later, against the view
 * it names.
 */
public final class RuleFields {
  static final Set<String> FIELDS =
      new LinkedHashSet<>(
          List.of(
              "id",
              "version",
              "description",
              "owner",
              "scope",
              "view",
              "severity",
              "action",
              "condition",
              "evidence",
              "kind"));
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*");

  private RuleFields() {}

  /**
   * @param fields the file's top-level keys and values
   * @param file the file's name, for messages
   * @param views the feature views a rule may name
   */
  public static DetectionRule parse(Map<String, Object> fields, String file, Set<String> views) {
    if (fields == null) {
      throw new RuleFileException(file, null, "empty file (expected the fields " + FIELDS + ")");
    }
    for (String key : fields.keySet()) {
      if (!FIELDS.contains(key)) {
        throw new RuleFileException(file, key, "unknown field (expected one of " + FIELDS + ")");
      }
    }
    String id = text(fields, "id", file);
    if (!ID.matcher(id).matches()) {
      throw new RuleFileException(
          file, "id", "'" + id + "' must be lower-case words joined by '-'");
    }
    String stem = stem(file);
    if (stem != null && !stem.equals(id)) {
      throw new RuleFileException(
          file, "id", "'" + id + "' must match the file name '" + stem + "'");
    }
    int version = wholeNumber(fields, "version", file);
    if (version < 1) {
      throw new RuleFileException(file, "version", version + " must be at least 1");
    }
    String view = text(fields, "view", file);
    if (!views.contains(view)) {
      throw new RuleFileException(
          file,
          "view",
          "unknown view '"
              + view
              + "' (views: "
              + String.join(", ", new java.util.TreeSet<>(views))
              + ")");
    }
    List<String> evidence = evidence(fields, file);
    return new DetectionRule(
        id,
        version,
        text(fields, "description", file),
        text(fields, "owner", file),
        choice(fields, "scope", DetectionRule.Scope.class, file),
        view,
        choice(fields, "severity", DetectionRule.Severity.class, file),
        choice(fields, "action", DetectionRule.Action.class, file),
        text(fields, "condition", file),
        evidence,
        fields.containsKey("kind") ? choice(fields, "kind", CaseKind.class, file) : CaseKind.FRAUD,
        file);
  }

  private static Object required(Map<String, Object> fields, String key, String file) {
    Object value = fields.get(key);
    if (value == null) {
      throw new RuleFileException(file, key, "missing");
    }
    return value;
  }

  private static String text(Map<String, Object> fields, String key, String file) {
    Object value = required(fields, key, file);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new RuleFileException(file, key, "must be non-empty text, not '" + value + "'");
    }
    return text.strip();
  }

  private static int wholeNumber(Map<String, Object> fields, String key, String file) {
    Object value = required(fields, key, file);
    if (value instanceof Integer n) {
      return n;
    }
    throw new RuleFileException(file, key, "must be a whole number, not '" + value + "'");
  }

  private static <E extends Enum<E>> E choice(
      Map<String, Object> fields, String key, Class<E> type, String file) {
    String value = text(fields, key, file);
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String allowed =
          Arrays.stream(type.getEnumConstants())
              .map(c -> c.name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", "));
      throw new RuleFileException(file, key, "'" + value + "' is not one of " + allowed);
    }
  }

  private static List<String> evidence(Map<String, Object> fields, String file) {
    Object value = required(fields, "evidence", file);
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw new RuleFileException(file, "evidence", "must be a non-empty list of feature columns");
    }
    List<String> columns = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String column) || !COLUMN.matcher(column).matches()) {
        throw new RuleFileException(file, "evidence", "'" + item + "' is not a column name");
      }
      columns.add(column);
    }
    return columns;
  }

  /** "rules/detection/card-testing.yaml" -> "card-testing". */
  private static String stem(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : null;
  }
}
