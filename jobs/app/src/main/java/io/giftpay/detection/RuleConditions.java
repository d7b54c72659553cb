package io.giftpay.detection;

import io.giftpay.features.FeatureViews;
import io.giftpay.rules.DetectionRule;
import io.giftpay.rules.RuleFileException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.catalyst.parser.ParseException;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Checks a rule's condition before any data is read: it must parse as Spark SQL, name only
 * columns of its view, and call only the plain functions below: no subqueries, no file or
 * table access, no reflection, nothing but arithmetic and comparisons over one view's row.
 * The evidence must name columns of the view too.
 */
public final class RuleConditions {
  static final Set<String> ALLOWED_FUNCTIONS =
      Set.of("abs", "least", "greatest", "coalesce", "nvl", "ifnull", "nullif", "isnull", "isnotnull", "if",
          "round", "floor", "ceil", "ceiling", "sqrt", "ln", "log", "log10", "exp", "pow", "power", "lower",
          "upper", "length");

  private RuleConditions() {}

  public static void check(DetectionRule rule) {
    List<String> allowedViews = FeatureViews.viewsFor(rule.scope().role());
    if (!allowedViews.contains(rule.view())) {
      throw new RuleFileException(rule.file(), "view", "a " + rule.scope().role() + " rule reads "
          + String.join(" or ", allowedViews) + ", not " + rule.view());
    }
    Set<String> columns = FeatureViews.VIEWS.get(rule.view()).stream().map(FeatureViews.Column::name).collect(Collectors.toSet());
    Expression parsed;
    try {
      parsed = CatalystSqlParser$.MODULE$.parseExpression(rule.condition());
    } catch (Exception e) {
      // Scala declares no checked exceptions: the parser's ParseException arrives undeclared.
      if (e instanceof ParseException || e instanceof org.apache.spark.sql.AnalysisException) {
        throw new RuleFileException(rule.file(), "condition", "not valid Spark SQL: " + firstLine(e.getMessage()));
      }
      throw e;
    }
    walk(parsed, rule, columns);
    for (String column : rule.evidence()) {
      if (!columns.contains(column)) {
        throw new RuleFileException(rule.file(), "evidence", "unknown column '" + column + "' in view " + rule.view());
      }
    }
  }

  private static void walk(Expression expression, DetectionRule rule, Set<String> columns) {
    if (expression instanceof SubqueryExpression) {
      throw new RuleFileException(rule.file(), "condition", "subqueries are not allowed");
    }
    if (expression instanceof UnresolvedFunction function) {
      String name = String.join(".", CollectionConverters.asJava(function.nameParts())).toLowerCase(Locale.ROOT);
      if (!ALLOWED_FUNCTIONS.contains(name)) {
        throw new RuleFileException(rule.file(), "condition",
            "function '" + name + "' is not allowed (allowed: " + String.join(", ", new TreeSet<>(ALLOWED_FUNCTIONS)) + ")");
      }
    } else if (expression instanceof UnresolvedAttribute attribute) {
      List<String> parts = CollectionConverters.asJava(attribute.nameParts());
      String name = String.join(".", parts);
      if (parts.size() != 1 || !columns.contains(parts.get(0))) {
        throw new RuleFileException(rule.file(), "condition", "unknown column '" + name + "' in view " + rule.view());
      }
    } else if (!expression.resolved() && expression.children().isEmpty()
        && !(expression instanceof org.apache.spark.sql.catalyst.expressions.Literal)) {
      // A star, an outer reference, a named parameter: anything that reaches beyond the row.
      throw new RuleFileException(rule.file(), "condition", "'" + expression.sql() + "' is not allowed");
    }
    for (Expression child : CollectionConverters.asJava(expression.children())) {
      walk(child, rule, columns);
    }
  }

  private static String firstLine(String message) {
    String line = message == null ? "" : message.strip();
    int newline = line.indexOf('\n');
    return newline < 0 ? line : line.substring(0, newline);
  }
}
