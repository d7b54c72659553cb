package io.giftpay.review;

import static org.apache.spark.sql.functions.col;

import io.giftpay.payout.PayoutPolicy;
import io.giftpay.warehouse.WarehouseFiles;
import io.giftpay.warehouse.WarehouseLayout;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The review desk's view of a warehouse: the case book kept by the newest completed night, the
 * decisions recorded since and not yet applied, and whether an account exists. What {@code giftpay
 * review} reads; it never writes a table.
 */
public final class ReviewBook {
  /** Where nights keep the review state ({@code _giftpay/review/<name>/dt=N}). */
  public static final String AREA = "review";

  static final String CASES = "cases";
  static final String APPLIED = "applied";

  private final SparkSession spark;
  private final WarehouseLayout layout;
  private final WarehouseFiles files;
  private final PayoutPolicy policy;
  private final LocalDate night;

  public ReviewBook(
      SparkSession spark,
      WarehouseLayout layout,
      WarehouseFiles files,
      PayoutPolicy policy,
      LocalDate latestNight) {
    this.spark = spark;
    this.layout = layout;
    this.files = files;
    this.policy = policy;
    this.night = latestNight;
  }

  public LocalDate night() {
    return night;
  }

  public DecisionLog log() {
    return new DecisionLog(java.nio.file.Path.of(layout.reviewDecisions().toUri().getPath()));
  }

  /** Every case of the book, most USD held first, then oldest, then by id. */
  public List<CaseSummary> cases() {
    Path kept = layout.kept(AREA, CASES, night);
    if (!files.exists(kept)) {
      return List.of();
    }
    List<CaseSummary> cases = new ArrayList<>();
    for (Row r :
        spark.read().schema(CaseBookSchema.CASES).parquet(kept.toString()).collectAsList()) {
      long held = r.<Long>getAs("held_diamonds");
      LocalDate first = r.<LocalDate>getAs("first_flagged");
      cases.add(
          new CaseSummary(
              r.getAs("case_id"),
              r.getAs("account_id"),
              r.getAs("role"),
              CaseKind.valueOf(r.<String>getAs("kind").toUpperCase(java.util.Locale.ROOT)),
              r.<String>getList(r.fieldIndex("sources")),
              r.isNullAt(r.fieldIndex("model_score")) ? null : r.<Double>getAs("model_score"),
              held,
              policy.valueUsd(held),
              first,
              r.<LocalDate>getAs("last_flagged"),
              (int) ChronoUnit.DAYS.between(first, night),
              CaseStatus.valueOf(r.<String>getAs("status").toUpperCase(java.util.Locale.ROOT))));
    }
    cases.sort(QUEUE_ORDER);
    return cases;
  }

  public static final Comparator<CaseSummary> QUEUE_ORDER =
      Comparator.comparing(CaseSummary::usdHeld)
          .reversed()
          .thenComparing(CaseSummary::firstFlagged)
          .thenComparing(CaseSummary::caseId);

  /** The account's open cases (one per role at most). */
  public List<CaseSummary> openCases(String accountId) {
    return cases().stream()
        .filter(c -> c.accountId().equals(accountId) && c.status() == CaseStatus.OPEN)
        .toList();
  }

  /** Decisions recorded and not yet applied by a night, oldest first. */
  public List<ReviewDecision> pending() {
    Set<String> applied = appliedIds();
    return log().readAll().stream().filter(d -> !applied.contains(d.decisionId())).toList();
  }

  public List<ReviewDecision> decisionsOn(String accountId) {
    return log().readAll().stream().filter(d -> d.accountId().equals(accountId)).toList();
  }

  public Set<String> appliedIds() {
    Path file = new Path(layout.kept(AREA, APPLIED, night), "ids.txt");
    return files
        .readText(file)
        .map(
            t -> t.lines().filter(l -> !l.isBlank()).collect(Collectors.toCollection(TreeSet::new)))
        .orElse(new TreeSet<>());
  }

  /** In the newest accounts snapshot a night checked, or in the case book. */
  public boolean accountKnown(String accountId) {
    if (cases().stream().anyMatch(c -> c.accountId().equals(accountId))) {
      return true;
    }
    Optional<Path> snapshot = newestAccountsSnapshot();
    return snapshot.isPresent()
        && !spark
            .read()
            .parquet(snapshot.get().toString())
            .filter(col("user_id").equalTo(accountId))
            .limit(1)
            .isEmpty();
  }

  private Optional<Path> newestAccountsSnapshot() {
    Path dir = new Path(new Path(layout.root(), "_giftpay/snapshots"), "accounts");
    List<Path> nights = files.subfolders(dir, "dt=");
    return nights.stream()
        .filter(p -> !LocalDate.parse(p.getName().substring(3)).isAfter(night))
        .reduce((a, b) -> b);
  }
}
