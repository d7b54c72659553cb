package io.giftpay.review;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Tonight's case book from last night's and tonight's flags and holds. A flag or hold on an account
 * with an open case (same role) joins it; on any other account it opens a new case ({@link
 * CaseIds}). Cases decided tonight close (status decided, nothing held any more); the diamonds each
 * open case holds at each creator add up last night's and tonight's holds.
 *
 * <p>Output: {@link #book()} ({@link CaseBookSchema#CASES}) and {@link #caseHolds()} ({@link
 * CaseBookSchema#CASE_HOLDS}), computed once on {@link #apply}.
 */
public final class BuildCaseBook {
  private final LocalDate night;
  private final Set<String> careRules;
  private Dataset<Row> book;
  private Dataset<Row> caseHolds;

  /**
   * @param careRules ids of the rules whose cases are about the viewer's wellbeing (kind care)
   */
  public BuildCaseBook(LocalDate night, Set<String> careRules) {
    this.night = night;
    this.careRules = new TreeSet<>(careRules);
  }

  /**
   * @param previousBook last night's book
   * @param previousCaseHolds last night's case holds
   * @param flags tonight's flags: account_id, role, source, score
   * @param holds tonight's holds table rows: creator_id, sender_id (null on a creator), diamonds,
   *     source
   * @param decided the cases decided tonight: case_id, decision
   */
  public BuildCaseBook apply(
      Dataset<Row> previousBook,
      Dataset<Row> previousCaseHolds,
      Dataset<Row> flags,
      Dataset<Row> holds,
      Dataset<Row> decided) {
    Column holdRole = when(col("sender_id").isNotNull(), lit("sender")).otherwise(lit("creator"));
    Column holdAccount = coalesce(col("sender_id"), col("creator_id"));
    Dataset<Row> activity =
        flags
            .select(col("role"), col("account_id"), col("source"), col("score"))
            .unionByName(
                holds.select(
                    holdRole.as("role"),
                    holdAccount.as("account_id"),
                    explode(split(col("source"), ",")).as("source"),
                    lit(null).cast(DataTypes.DoubleType).as("score")))
            .groupBy("role", "account_id")
            .agg(
                collect_set("source").as("_sources_tonight"),
                max(when(col("source").startsWith("isolation-forest@"), col("score")))
                    .as("_score_tonight"));

    Dataset<Row> decidedCases =
        decided.select(col("case_id").as("_d_case"), col("decision").as("_d_decision"));
    Dataset<Row> open = previousBook.filter(col("status").equalTo(CaseBookSchema.OPEN));
    Dataset<Row> stillOpen =
        open.join(
            decidedCases, open.col("case_id").equalTo(decidedCases.col("_d_case")), "left_anti");
    Dataset<Row> closedTonight =
        open.join(decidedCases, open.col("case_id").equalTo(decidedCases.col("_d_case")))
            .withColumn("status", lit(CaseBookSchema.DECIDED))
            .withColumn("decision", col("_d_decision"))
            .withColumn("decided_on", lit(night))
            .withColumn("held_diamonds", lit(0L))
            .select(columns());

    Dataset<Row> joined =
        stillOpen
            .alias("o")
            .join(
                activity.alias("a"),
                col("o.role")
                    .equalTo(col("a.role"))
                    .and(col("o.account_id").equalTo(col("a.account_id"))),
                "full_outer");
    Column role = coalesce(col("o.role"), col("a.role"));
    Column account = coalesce(col("o.account_id"), col("a.account_id"));
    Column newId =
        concat(
            lit(CaseIds.PREFIX),
            substring(sha2(concat_ws("|", role, account, lit(night.toString())), 256), 1, 16));
    Column sources =
        array_sort(
            array_distinct(
                concat(
                    coalesce(col("o.sources"), array().cast("array<string>")),
                    coalesce(col("a._sources_tonight"), array().cast("array<string>")))));
    Dataset<Row> openTonight =
        joined
            .select(
                coalesce(col("o.case_id"), newId).as("case_id"),
                account.as("account_id"),
                role.as("role"),
                lit(null).cast("string").as("kind"),
                sources.as("sources"),
                greatest(col("o.model_score"), col("a._score_tonight")).as("model_score"),
                lit(0L).as("held_diamonds"),
                coalesce(col("o.first_flagged"), lit(night)).as("first_flagged"),
                when(col("a.account_id").isNotNull(), lit(night))
                    .otherwise(col("o.last_flagged"))
                    .as("last_flagged"),
                lit(CaseBookSchema.OPEN).as("status"),
                lit(null).cast("string").as("decision"),
                lit(null).cast("date").as("decided_on"))
            .withColumn("kind", kind(col("sources")));

    Dataset<Row> tonightHolds =
        holds
            .select(
                holdRole.as("role"),
                holdAccount.as("account_id"),
                col("creator_id"),
                col("diamonds"))
            .join(
                openTonight.select("case_id", "role", "account_id"),
                new String[] {"role", "account_id"})
            .select("case_id", "creator_id", "diamonds");
    caseHolds =
        previousCaseHolds
            .join(stillOpen.select("case_id"), "case_id")
            .select("case_id", "creator_id", "diamonds")
            .unionByName(tonightHolds)
            .groupBy("case_id", "creator_id")
            .agg(sum("diamonds").as("diamonds"))
            .filter(col("diamonds").notEqual(0));
    Dataset<Row> heldPerCase =
        caseHolds.groupBy(col("case_id").as("_h_case")).agg(sum("diamonds").as("_held"));
    Dataset<Row> openWithHeld =
        openTonight
            .join(heldPerCase, col("case_id").equalTo(col("_h_case")), "left")
            .withColumn("held_diamonds", coalesce(col("_held"), lit(0L)))
            .select(columns());
    book =
        openWithHeld
            .unionByName(closedTonight)
            .unionByName(
                previousBook
                    .filter(col("status").equalTo(CaseBookSchema.DECIDED))
                    .select(columns()));
    return this;
  }

  public Dataset<Row> book() {
    return book;
  }

  public Dataset<Row> caseHolds() {
    return caseHolds;
  }

  /**
   * care when every source is a care rule; anything else (fraud rules, the model, reversals) makes
   * it fraud.
   */
  private Column kind(Column sources) {
    String care =
        careRules.isEmpty()
            ? "array('')"
            : careRules.stream()
                .map(r -> "'" + r.replace("'", "") + "'")
                .collect(Collectors.joining(", ", "array(", ")"));
    return when(
            expr(
                "size(sources) > 0 and forall(sources, s -> array_contains("
                    + care
                    + ", substring_index(s, '@', 1)))"),
            lit(CaseKind.CARE.word()))
        .otherwise(lit(CaseKind.FRAUD.word()));
  }

  private static Column[] columns() {
    return List.of(CaseBookSchema.CASES.fieldNames()).stream()
        .map(c -> col(c))
        .toArray(Column[]::new);
  }
}
