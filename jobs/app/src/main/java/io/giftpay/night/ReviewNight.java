package io.giftpay.night;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.giftpay.config.GiftpayConfig;
import io.giftpay.review.CaseBookSchema;
import io.giftpay.review.CaseKind;
import io.giftpay.review.Decision;
import io.giftpay.review.DecisionLog;
import io.giftpay.review.EffectiveDecision;
import io.giftpay.review.ReviewDecision;
import io.giftpay.rules.DetectionRule;
import io.giftpay.warehouse.KillPoints;
import io.giftpay.warehouse.WarehouseLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The review decisions a night applies, and the review state it keeps. The detect step freezes
 * tonight's decisions once ({@link #freeze}): every recorded decision not applied by an earlier
 * night, complete (four eyes where needed) and on a case still open. A resumed night reads the
 * frozen list back, so it applies exactly the same ones; a decision recorded while the night runs
 * waits for the next. Each applied decision id is kept, so none is applied twice.
 */
final class ReviewNight {
  static final String AREA = "review";
  static final String CASES = "cases";
  static final String CASE_HOLDS = "case_holds";
  static final String SUPPRESSIONS = "suppressions";
  static final String APPLIED = "applied";
  static final String APPLIED_FILE = "ids.txt";
  static final String FROZEN = "review_tonight.json";

  /**
   * The open-holds source of an account confirmed as fraud: all it sends or receives is held from
   * then on.
   */
  static final String CONFIRMED_SOURCE = "review-confirmed";

  static final StructType REVIEWS = io.giftpay.warehouse.PublishedTables.REVIEWS.schema();
  static final StructType SPENDING_LIMITS =
      io.giftpay.warehouse.PublishedTables.SPENDING_LIMITS.schema();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One decision applied tonight, with what the case book said of its case. */
  record Applied(
      String caseId,
      String accountId,
      String role,
      String kind,
      List<String> sources,
      LocalDate firstFlagged,
      LocalDate lastFlagged,
      Decision decision,
      String reviewer,
      String secondReviewer,
      String reason,
      Instant decidedAt,
      BigDecimal dailyLimitUsd) {}

  private final NightContext context;
  private final StagedWriter writer;

  ReviewNight(NightContext context) {
    this.context = context;
    this.writer = new StagedWriter(context.spark(), context.files());
  }

  static DecisionLog log(WarehouseLayout layout) {
    return new DecisionLog(java.nio.file.Path.of(layout.reviewDecisions().toUri().getPath()));
  }

  /**
   * Tonight's decisions: frozen on the first call, read back on every later one (and on resume).
   */
  List<Applied> freeze() {
    Path frozen = work(FROZEN);
    Optional<String> text = context.files().readText(frozen);
    if (text.isPresent()) {
      return parse(text.get());
    }
    Optional<LocalDate> previous = previousNight();
    Set<String> appliedBefore = previous.map(this::appliedIds).orElse(new TreeSet<>());
    Map<String, List<ReviewDecision>> byCase = new TreeMap<>();
    for (ReviewDecision d : log(context.warehouse()).readAll()) {
      if (!appliedBefore.contains(d.decisionId())) {
        byCase.computeIfAbsent(d.caseId(), k -> new ArrayList<>()).add(d);
      }
    }
    Map<String, Row> openCases = new LinkedHashMap<>();
    if (!byCase.isEmpty() && previous.isPresent()) {
      for (Row row :
          readKept(CASES, CaseBookSchema.CASES, previous.get())
              .filter(
                  col("status")
                      .equalTo(CaseBookSchema.OPEN)
                      .and(col("case_id").isin(byCase.keySet().toArray())))
              .collectAsList()) {
        openCases.put(row.getAs("case_id"), row);
      }
    }
    BigDecimal fourEyes =
        context
            .config()
            .getDecimal(
                GiftpayConfig.REVIEW_FOUR_EYES_USD, GiftpayConfig.REVIEW_FOUR_EYES_USD_DEFAULT);
    List<Applied> applied = new ArrayList<>();
    Set<String> appliedIds = new TreeSet<>(appliedBefore);
    for (Map.Entry<String, List<ReviewDecision>> entry : byCase.entrySet()) {
      Row c = openCases.get(entry.getKey());
      if (c == null) {
        // The case closed before this decision could apply (a decision recorded on it earlier won).
        entry.getValue().forEach(d -> appliedIds.add(d.decisionId()));
        context
            .progress()
            .line(
                "[review] %d decision(s) on case %s not applied: the case is no longer open",
                entry.getValue().size(), entry.getKey());
        continue;
      }
      BigDecimal usdHeld = context.policy().valueUsd(c.<Long>getAs("held_diamonds"));
      Optional<EffectiveDecision> effective =
          EffectiveDecision.of(entry.getValue(), usdHeld, fourEyes);
      if (effective.isEmpty()) {
        context
            .progress()
            .line(
                "[review] case %s: confirmation waits for a second reviewer (USD %s held)",
                entry.getKey(), usdHeld.toPlainString());
        continue;
      }
      EffectiveDecision e = effective.get();
      appliedIds.addAll(e.consumed());
      ReviewDecision first = e.first();
      applied.add(
          new Applied(
              first.caseId(),
              c.getAs("account_id"),
              c.getAs("role"),
              c.getAs("kind"),
              c.isNullAt(c.fieldIndex("sources"))
                  ? List.of()
                  : c.<String>getList(c.fieldIndex("sources")),
              c.<LocalDate>getAs("first_flagged"),
              c.<LocalDate>getAs("last_flagged"),
              first.decision(),
              first.reviewer(),
              e.secondReviewer(),
              first.reason(),
              first.decidedAt(),
              first.dailyLimitUsd()));
    }
    context
        .files()
        .writeText(
            new Path(stagedKept(APPLIED), APPLIED_FILE), String.join("\n", appliedIds) + "\n");
    // Killed here, the applied ids are staged and the frozen list is not: a resumed night decides
    // again, the same way.
    KillPoints.reach("freeze-decisions");
    context.files().writeText(frozen, toJson(applied));
    return applied;
  }

  /**
   * The suppressions in force from tonight: last night's still running, and those tonight's
   * clearances start.
   */
  Dataset<Row> suppressions(List<Applied> tonight) {
    LocalDate night = context.night();
    Dataset<Row> carried =
        previousNight()
            .map(p -> readKept(SUPPRESSIONS, CaseBookSchema.SUPPRESSIONS, p))
            .orElse(empty(CaseBookSchema.SUPPRESSIONS));
    List<Applied> releasing = tonight.stream().filter(a -> a.decision().releases()).toList();
    if (!releasing.isEmpty()) {
      int quiet =
          context
              .config()
              .getInt(GiftpayConfig.REVIEW_QUIET_NIGHTS, GiftpayConfig.REVIEW_QUIET_NIGHTS_DEFAULT);
      LocalDate from =
          releasing.stream().map(Applied::firstFlagged).min(LocalDate::compareTo).orElseThrow();
      List<String> paths = new ArrayList<>();
      for (LocalDate d = from; d.isBefore(night); d = d.plusDays(1)) {
        Path flags = context.warehouse().published(WarehouseLayout.FLAGS, d);
        if (context.files().exists(flags)) {
          paths.add(flags.toString());
        }
      }
      if (!paths.isEmpty()) {
        Set<String> keys =
            releasing.stream().map(a -> a.role() + "|" + a.accountId()).collect(Collectors.toSet());
        Dataset<Row> answered =
            context
                .spark()
                .read()
                .parquet(paths.toArray(String[]::new))
                .filter(
                    org.apache
                        .spark
                        .sql
                        .functions
                        .concat_ws("|", col("role"), col("account_id"))
                        .isin(keys.toArray()))
                .withColumn("rule", substring_index(col("source"), "@", 1))
                .groupBy("account_id", "role", "rule")
                .agg(max_by(col("evidence"), col("business_date")).as("evidence"))
                .select(
                    col("account_id"),
                    col("role"),
                    col("rule"),
                    lit(night.plusDays(quiet - 1L)).as("until"),
                    col("evidence"));
        carried = carried.unionByName(answered);
      }
    }
    return carried
        .filter(col("until").geq(lit(night)))
        .groupBy("account_id", "role", "rule")
        .agg(max("until").as("until"), max_by(col("evidence"), col("until")).as("evidence"));
  }

  /** Accounts whose earlier holds tonight's decisions end: role, account_id. */
  Dataset<Row> decidedAccounts(List<Applied> tonight) {
    List<Row> rows =
        tonight.stream().map(a -> RowFactory.create(a.role(), a.accountId())).distinct().toList();
    return context
        .spark()
        .createDataFrame(rows, StructType.fromDDL("role string, account_id string"));
  }

  /** The open holds confirmed accounts carry from tonight on: role, account_id, source, since. */
  Dataset<Row> confirmedHolds(List<Applied> tonight) {
    List<Row> rows =
        tonight.stream()
            .filter(a -> a.decision() == Decision.CONFIRMED)
            .map(a -> RowFactory.create(a.role(), a.accountId(), CONFIRMED_SOURCE, context.night()))
            .distinct()
            .toList();
    return context.spark().createDataFrame(rows, DetectNight.OPEN_HOLDS_SCHEMA);
  }

  /**
   * Per case and creator, what tonight's decisions release or forfeit: case_id, creator_id,
   * released, forfeited.
   */
  Dataset<Row> moves(List<Applied> tonight) {
    StructType schema = StructType.fromDDL("case_id string, decision string");
    List<Row> decided =
        tonight.stream().map(a -> RowFactory.create(a.caseId(), a.decision().word())).toList();
    Dataset<Row> cases = context.spark().createDataFrame(decided, schema);
    Dataset<Row> holds =
        previousNight()
            .map(p -> readKept(CASE_HOLDS, CaseBookSchema.CASE_HOLDS, p))
            .orElse(empty(CaseBookSchema.CASE_HOLDS));
    return holds
        .join(cases, "case_id")
        .select(
            col("case_id"),
            col("creator_id"),
            when(col("decision").equalTo(Decision.CONFIRMED.word()), lit(0L))
                .otherwise(col("diamonds"))
                .as("released"),
            when(col("decision").equalTo(Decision.CONFIRMED.word()), col("diamonds"))
                .otherwise(lit(0L))
                .as("forfeited"));
  }

  /** The {@code reviews} table: one row per decision applied tonight. */
  Dataset<Row> reviewsTable(List<Applied> tonight, Dataset<Row> moves) {
    Map<String, long[]> moved = new TreeMap<>();
    for (Row r :
        moves
            .groupBy("case_id")
            .agg(
                org.apache.spark.sql.functions.sum("released"),
                org.apache.spark.sql.functions.sum("forfeited"))
            .collectAsList()) {
      moved.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
    }
    List<Row> rows = new ArrayList<>();
    for (Applied a : tonight) {
      long[] m = moved.getOrDefault(a.caseId(), new long[2]);
      rows.add(
          RowFactory.create(
              "rv-"
                  + io.giftpay.review.CaseIds.sha256Hex(a.caseId() + "|" + context.night())
                      .substring(0, 24),
              a.caseId(),
              a.accountId(),
              a.role(),
              a.kind(),
              a.decision().word(),
              a.reviewer(),
              a.secondReviewer(),
              a.reason(),
              a.decidedAt(),
              context.night(),
              m[0],
              m[1],
              context.policy().valueUsd(m[0]).setScale(4),
              context.policy().valueUsd(m[1]).setScale(4),
              a.dailyLimitUsd(),
              String.join(",", a.sources()),
              context.night()));
    }
    return context.spark().createDataFrame(rows, REVIEWS);
  }

  /**
   * The {@code spending_limits} table: every limit in force after tonight (the newest per account).
   */
  Dataset<Row> spendingLimits(List<Applied> tonight) {
    Map<String, Row> byAccount = new TreeMap<>();
    Optional<LocalDate> previous = previousNight();
    if (previous.isPresent()) {
      Path before = context.warehouse().published(WarehouseLayout.SPENDING_LIMITS, previous.get());
      if (context.files().exists(before)) {
        for (Row r : context.spark().read().parquet(before.toString()).collectAsList()) {
          byAccount.put(
              r.getAs("account_id"),
              RowFactory.create(
                  r.getAs("account_id"),
                  r.getAs("daily_limit_usd"),
                  r.getAs("reviewer"),
                  r.getAs("reason"),
                  r.getAs("decided_at"),
                  r.getAs("effective_from"),
                  context.night()));
        }
      }
    }
    for (Applied a : tonight) {
      if (a.decision() == Decision.LIMIT) {
        byAccount.put(
            a.accountId(),
            RowFactory.create(
                a.accountId(),
                a.dailyLimitUsd(),
                a.reviewer(),
                a.reason(),
                a.decidedAt(),
                context.night(),
                context.night()));
      }
    }
    return context.spark().createDataFrame(new ArrayList<>(byAccount.values()), SPENDING_LIMITS);
  }

  Dataset<Row> previousBook() {
    return previousNight()
        .map(p -> readKept(CASES, CaseBookSchema.CASES, p))
        .orElse(empty(CaseBookSchema.CASES));
  }

  Dataset<Row> previousCaseHolds() {
    return previousNight()
        .map(p -> readKept(CASE_HOLDS, CaseBookSchema.CASE_HOLDS, p))
        .orElse(empty(CaseBookSchema.CASE_HOLDS));
  }

  Dataset<Row> decidedCases(List<Applied> tonight) {
    List<Row> rows =
        tonight.stream().map(a -> RowFactory.create(a.caseId(), a.decision().word())).toList();
    return context
        .spark()
        .createDataFrame(rows, StructType.fromDDL("case_id string, decision string"));
  }

  Set<String> careRules() {
    return context.rules().stream()
        .filter(r -> r.kind() == CaseKind.CARE)
        .map(DetectionRule::id)
        .collect(Collectors.toSet());
  }

  Path stagedKept(String name) {
    return context.warehouse().stagedKept(context.night(), AREA, name);
  }

  static Map<String, String> keptAreas() {
    Map<String, String> areas = new LinkedHashMap<>();
    for (String name : List.of(CASES, CASE_HOLDS, SUPPRESSIONS, APPLIED)) {
      areas.put(name, AREA);
    }
    return areas;
  }

  private Set<String> appliedIds(LocalDate night) {
    Path file = new Path(context.warehouse().kept(AREA, APPLIED, night), APPLIED_FILE);
    return context
        .files()
        .readText(file)
        .map(
            t -> t.lines().filter(l -> !l.isBlank()).collect(Collectors.toCollection(TreeSet::new)))
        .orElse(new TreeSet<>());
  }

  private Optional<LocalDate> previousNight() {
    return new NightRecords(context.warehouse(), context.files()).previous(context.night());
  }

  private Dataset<Row> readKept(String name, StructType schema, LocalDate night) {
    Path kept = context.warehouse().kept(AREA, name, night);
    if (!context.files().exists(kept)) {
      return empty(schema);
    }
    return context.spark().read().schema(schema).parquet(kept.toString());
  }

  private Dataset<Row> empty(StructType schema) {
    return context.spark().createDataFrame(List.of(), schema);
  }

  private Path work(String name) {
    return context.warehouse().work(context.night(), name);
  }

  private static String toJson(List<Applied> applied) {
    ArrayNode array = JSON.createArrayNode();
    for (Applied a : applied) {
      ObjectNode n = array.addObject();
      n.put("case_id", a.caseId());
      n.put("account_id", a.accountId());
      n.put("role", a.role());
      n.put("kind", a.kind());
      ArrayNode sources = n.putArray("sources");
      a.sources().forEach(sources::add);
      n.put("first_flagged", a.firstFlagged().toString());
      n.put("last_flagged", a.lastFlagged().toString());
      n.put("decision", a.decision().word());
      n.put("reviewer", a.reviewer());
      n.put("second_reviewer", a.secondReviewer());
      n.put("reason", a.reason());
      n.put("decided_at", a.decidedAt().toString());
      n.put(
          "daily_limit_usd", a.dailyLimitUsd() == null ? null : a.dailyLimitUsd().toPlainString());
    }
    return array.toString();
  }

  private static List<Applied> parse(String text) {
    try {
      List<Applied> applied = new ArrayList<>();
      for (JsonNode n : JSON.readTree(text)) {
        List<String> sources = new ArrayList<>();
        n.get("sources").forEach(s -> sources.add(s.asText()));
        applied.add(
            new Applied(
                n.get("case_id").asText(),
                n.get("account_id").asText(),
                n.get("role").asText(),
                n.get("kind").asText(),
                sources,
                LocalDate.parse(n.get("first_flagged").asText()),
                LocalDate.parse(n.get("last_flagged").asText()),
                Decision.parse(n.get("decision").asText()),
                n.get("reviewer").asText(),
                n.get("second_reviewer").isNull() ? null : n.get("second_reviewer").asText(),
                n.get("reason").asText(),
                Instant.parse(n.get("decided_at").asText()),
                n.get("daily_limit_usd").isNull()
                    ? null
                    : new BigDecimal(n.get("daily_limit_usd").asText())));
      }
      return applied;
    } catch (IOException e) {
      throw new UncheckedIOException("Invalid frozen review decisions: " + e.getMessage(), e);
    }
  }
}
