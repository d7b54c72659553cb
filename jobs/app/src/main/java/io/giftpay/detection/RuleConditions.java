package io.giftpay.detection;

import io.giftpay.features.FeatureViews;
import io.giftpay.rules.DetectionRule;
import io.giftpay.rules.RuleFileException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.catalyst.analysis.ExpressionWithUnresolvedIdentifier;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.expressions.Add;
import org.apache.spark.sql.catalyst.expressions.And;
import org.apache.spark.sql.catalyst.expressions.BinaryComparison;
import org.apache.spark.sql.catalyst.expressions.CaseWhen;
import org.apache.spark.sql.catalyst.expressions.Cast;
import org.apache.spark.sql.catalyst.expressions.Divide;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.In;
import org.apache.spark.sql.catalyst.expressions.InSubquery;
import org.apache.spark.sql.catalyst.expressions.IntegralDivide;
import org.apache.spark.sql.catalyst.expressions.IsNotNull;
import org.apache.spark.sql.catalyst.expressions.IsNull;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.Multiply;
import org.apache.spark.sql.catalyst.expressions.Not;
import org.apache.spark.sql.catalyst.expressions.Or;
import org.apache.spark.sql.catalyst.expressions.Remainder;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.expressions.Subtract;
import org.apache.spark.sql.catalyst.expressions.UnaryMinus;
import org.apache.spark.sql.catalyst.expressions.UnaryPositive;
import org.apache.spark.sql.catalyst.expressions.WindowExpression;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.catalyst.parser.ParseException;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Checks a rule's condition before any data is read: it must parse as Spark SQL, name only columns
 * of its view, and call only the plain functions below: no subqueries, no file or table access, no
 * reflection, nothing but arithmetic and comparisons over one view's row. Every node of the parsed
 * expression must be of a kind listed in {@link #ALLOWED_NODES}: syntax Spark adds later is refused
 * until someone decides it is safe. The evidence must name columns of the view too.
 */
public final class RuleConditions {
  static final Set<String> ALLOWED_FUNCTIONS =
      Set.of(
          "abs",
          "least",
          "greatest",
          "coalesce",
          "nvl",
          "ifnull",
          "nullif",
          "isnull",
          "isnotnull",
          "if",
          "round",
          "floor",
          "ceil",
          "ceiling",
          "sqrt",
          "ln",
          "log",
          "log10",
          "exp",
          "pow",
          "power",
          "lower",
          "upper",
          "length",
          // the parser turns "x between a and b" into this call
          "between");

  /** Comparisons, arithmetic, and/or/not, in, case when, cast, is [not] null, literals. */
  static final List<Class<? extends Expression>> ALLOWED_NODES =
      List.of(
          And.class,
          Or.class,
          Not.class,
          BinaryComparison.class,
          Add.class,
          Subtract.class,
          Multiply.class,
          Divide.class,
          Remainder.class,
          IntegralDivide.class,
          UnaryMinus.class,
          UnaryPositive.class,
          In.class,
          CaseWhen.class,
          Cast.class,
          IsNull.class,
          IsNotNull.class,
          Literal.class);

  private static final String ALLOWED_SYNTAX =
      "a condition may use comparisons, arithmetic, and/or/not, in, between, case when, cast, is [not] null and the allowed functions";

  private RuleConditions() {}

  public static void check(DetectionRule rule) {
    List<String> allowedViews = FeatureViews.viewsFor(rule.scope().role());
    if (!allowedViews.contains(rule.view())) {
      throw new RuleFileException(
          rule.file(),
          "view",
          "a "
              + rule.scope().role()
              + " rule reads "
              + String.join(" or ", allowedViews)
              + ", not "
              + rule.view());
    }
    ConditionText.check(rule);
    Set<String> columns =
        FeatureViews.VIEWS.get(rule.view()).stream()
            .map(FeatureViews.Column::name)
            .collect(Collectors.toSet());
    Expression parsed;
    try {
      parsed = CatalystSqlParser$.MODULE$.parseExpression(rule.condition());
    } catch (Exception e) {
      // Scala declares no checked exceptions: the parser's ParseException arrives undeclared.
      if (e instanceof ParseException || e instanceof org.apache.spark.sql.AnalysisException) {
        throw new RuleFileException(
            rule.file(), "condition", "not valid Spark SQL: " + firstLine(e.getMessage()));
      }
      throw e;
    }
    walk(parsed, rule, columns);
    for (String column : rule.evidence()) {
      if (!columns.contains(column)) {
        throw new RuleFileException(
            rule.file(), "evidence", "unknown column '" + column + "' in view " + rule.view());
      }
    }
  }

  private static void walk(Expression expression, DetectionRule rule, Set<String> columns) {
    if (expression instanceof SubqueryExpression || expression instanceof InSubquery) {
      throw new RuleFileException(rule.file(), "condition", "subqueries are not allowed");
    }
    if (expression instanceof ExpressionWithUnresolvedIdentifier) {
      // IDENTIFIER('reflect')(...) names a function by a string the name check never sees.
      throw new RuleFileException(
          rule.file(),
          "condition",
          "IDENTIFIER(...) is not allowed: write the column or function name itself");
    }
    if (expression instanceof WindowExpression) {
      throw new RuleFileException(
          rule.file(), "condition", "window functions (OVER) are not allowed: a rule sees one row");
    }
    if (expression instanceof UnresolvedFunction function) {
      String name =
          String.join(".", CollectionConverters.asJava(function.nameParts()))
              .toLowerCase(Locale.ROOT);
      if (!ALLOWED_FUNCTIONS.contains(name)) {
        throw new RuleFileException(
            rule.file(),
            "condition",
            "function '"
                + name
                + "' is not allowed (allowed: "
                + String.join(", ", new TreeSet<>(ALLOWED_FUNCTIONS))
                + ")");
      }
    } else if (expression instanceof UnresolvedAttribute attribute) {
      List<String> parts = CollectionConverters.asJava(attribute.nameParts());
      String name = String.join(".", parts);
      if (parts.size() != 1 || !columns.contains(parts.get(0))) {
        throw new RuleFileException(
            rule.file(), "condition", "unknown column '" + name + "' in view " + rule.view());
      }
    } else if (ALLOWED_NODES.stream().noneMatch(kind -> kind.isInstance(expression))) {
      // A star, a parameter, a lambda, LIKE, a struct, a field access: anything not listed above.
      throw new RuleFileException(
          rule.file(),
          "condition",
          "'" + expression.sql() + "' is not allowed (" + ALLOWED_SYNTAX + ")");
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
