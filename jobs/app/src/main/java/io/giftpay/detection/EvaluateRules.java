package io.giftpay.detection;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.giftpay.features.FeatureViews;
import io.giftpay.rules.DetectionRule;
import io.giftpay.spark.Transform;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Runs every rule over its view and returns the flags: one row per account and rule, with the
 * evidence frozen as JSON at flag time ({@code {"rule":…,"version":…,"view":…,"features":{…}}}).
 * Input: the view named by each rule, looked up in {@code views}.
 */
public final class EvaluateRules {
  private final List<DetectionRule> rules;
  private final LocalDate night;

  public EvaluateRules(List<DetectionRule> rules, LocalDate night) {
    this.rules = rules;
    this.night = night;
  }

  public Dataset<Row> apply(Map<String, Dataset<Row>> views, Dataset<Row> empty) {
    Dataset<Row> flags = empty;
    for (DetectionRule rule : rules) {
      flags = flags.unionByName(new OneRule(rule, night).apply(views.get(rule.view())));
    }
    return flags;
  }

  /** The flags of one rule over its view. */
  public static final class OneRule implements Transform {
    private final DetectionRule rule;
    private final LocalDate night;

    public OneRule(DetectionRule rule, LocalDate night) {
      this.rule = rule;
      this.night = night;
    }

    @Override
    public Dataset<Row> apply(Dataset<Row> view) {
      Column[] evidence = rule.evidence().stream().map(c -> col(c)).toArray(Column[]::new);
      Column json =
          to_json(
              struct(
                  lit(rule.id()).as("rule"),
                  lit(rule.version()).as("version"),
                  lit(rule.view()).as("view"),
                  struct(evidence).as("features")),
              Map.of("ignoreNullFields", "false"));
      Dataset<Row> flags =
          view.filter(expr(rule.condition()))
              .select(
                  col(FeatureViews.key(rule.view())).as("account_id"),
                  lit(rule.scope().role()).as("role"),
                  lit(rule.source()).as("source"),
                  lit(rule.severity().name().toLowerCase(Locale.ROOT)).as("severity"),
                  lit(rule.action().name().toLowerCase(Locale.ROOT)).as("action"),
                  lit(null).cast(DataTypes.DoubleType).as("score"),
                  json.as("evidence"),
                  lit(night).as("business_date"));
      if (FeatureViews.hasOneRowPerAccount(rule.view())) {
        return flags;
      }
      // One flag per account and rule: an account behind two hit cards keeps the smallest evidence.
      return flags
          .groupBy("account_id", "role", "source", "severity", "action", "score", "business_date")
          .agg(min("evidence").as("evidence"))
          .select(
              "account_id",
              "role",
              "source",
              "severity",
              "action",
              "score",
              "evidence",
              "business_date");
    }
  }
}
