package io.giftpay.cli;

import static org.apache.spark.sql.functions.col;

import io.giftpay.features.FeatureViews;
import io.giftpay.review.CaseSummary;
import io.giftpay.review.ReviewBook;
import io.giftpay.review.ReviewDecision;
import io.giftpay.warehouse.WarehouseLayout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code giftpay review show ACCOUNT}: one page with everything a reviewer needs on an account: its
 * cases, each flag with its frozen evidence (the model's explanation included), what its holds
 * withhold at each creator, its recent recharges, gifts and reversals, the accounts that share a
 * card or device with it, its quarantined rows (from the restricted, owner-only copy), and earlier
 * decisions on it.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    header = "everything about one account's cases on one page",
    description =
        "Everything about one account's cases on one page: flags with evidence, holds, recent activity, linked accounts, decisions.")
final class ReviewShowCommand implements Callable<Integer> {
  private static final int RECENT_NIGHTS = 7;
  private static final int MOST_EVENTS = 50;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "the account (user_id)")
  String account;

  @Mixin WarehouseOption warehouse;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() {
    PrintWriter out = new PrintWriter(Giftpay.out(spec), true);
    try (ReviewSession s = new ReviewSession(warehouse.root(), sparkOptions.config())) {
      ReviewBook book = s.book;
      List<CaseSummary> cases =
          book.cases().stream().filter(c -> c.accountId().equals(account)).toList();
      if (cases.isEmpty() && !book.accountKnown(account)) {
        throw new IllegalArgumentException(
            "Unknown account '" + account + "': not in the accounts snapshot and never flagged");
      }
      LocalDate night = book.night();
      out.printf("Account %s, as of night %s%n%n", account, night);
      section(out, "Cases");
      if (cases.isEmpty()) {
        out.println("  none: this account has never been flagged or held");
      }
      for (CaseSummary c : cases) {
        out.printf(
            "  %s  %s %s case, %s; sources %s; model score %s; USD %s held (%,d diamonds); flagged %s..%s (%d nights)%n",
            c.caseId(),
            c.kind().word(),
            c.role(),
            c.status().word(),
            String.join(", ", c.sources()),
            c.modelScore() == null
                ? "-"
                : String.format(java.util.Locale.ROOT, "%.4f", c.modelScore()),
            c.usdHeld().toPlainString(),
            c.heldDiamonds(),
            c.firstFlagged(),
            c.lastFlagged(),
            c.ageNights());
      }
      LocalDate since =
          cases.stream().map(CaseSummary::firstFlagged).min(LocalDate::compareTo).orElse(night);

      section(out, "Flags, with the evidence frozen when they were raised");
      print(
          out,
          published(s, WarehouseLayout.FLAGS, since, night)
              .filter(col("account_id").equalTo(account))
              .orderBy("business_date", "role", "source")
              .select(
                  "business_date", "role", "source", "severity", "action", "score", "evidence"));

      section(out, "Holds placed because of this account (diamonds held tonight, per night)");
      print(
          out,
          published(s, WarehouseLayout.HOLDS, since, night)
              .filter(
                  col("sender_id")
                      .equalTo(account)
                      .or(col("creator_id").equalTo(account).and(col("sender_id").isNull())))
              .orderBy("business_date", "creator_id")
              .select("business_date", "hold_id", "creator_id", "sender_id", "diamonds", "source"));
      section(out, "What the open case holds now, per creator");
      Path caseHolds =
          Path.of(s.layout.kept(ReviewBook.AREA, "case_holds", night).toUri().getPath());
      List<String> open =
          cases.stream()
              .filter(c -> c.status() == io.giftpay.review.CaseStatus.OPEN)
              .map(CaseSummary::caseId)
              .toList();
      if (java.nio.file.Files.isDirectory(caseHolds) && !open.isEmpty()) {
        print(
            out,
            s.spark
                .read()
                .parquet(caseHolds.toString())
                .filter(col("case_id").isin(open.toArray()))
                .orderBy("case_id", "creator_id"));
      } else {
        out.println("  none");
      }

      section(
          out,
          "Recent activity (event dates "
              + night.minusDays(RECENT_NIGHTS - 1)
              + ".."
              + night
              + ")");
      out.println("  recharges:");
      print(
          out,
          events(s, "recharges", night)
              .filter(col("user_id").equalTo(account))
              .orderBy("event_time")
              .select(
                  "event_time", "event_id", "coins", "amount", "currency", "channel", "ip_country")
              .limit(MOST_EVENTS));
      out.println("  gifts sent or received:");
      print(
          out,
          events(s, "gifts", night)
              .filter(col("sender_id").equalTo(account).or(col("creator_id").equalTo(account)))
              .orderBy("event_time")
              .select(
                  "event_time",
                  "event_id",
                  "sender_id",
                  "creator_id",
                  "gift_id",
                  "quantity",
                  "coins",
                  "ip_country")
              .limit(MOST_EVENTS));
      out.println("  reversals:");
      print(
          out,
          events(s, "reversals", night)
              .filter(col("user_id").equalTo(account))
              .orderBy("event_time")
              .select(
                  "event_time",
                  "event_id",
                  "recharge_event_id",
                  "kind",
                  "coins",
                  "amount",
                  "currency")
              .limit(MOST_EVENTS));

      section(out, "Accounts linked by a card or device (night " + night + ")");
      linked(out, s, FeatureViews.CARD, "card_key", night);
      linked(out, s, FeatureViews.DEVICE, "device_key", night);

      section(
          out, "Quarantined rows naming this account (restricted: raw, personal values included)");
      print(
          out,
          new io.giftpay.night.RestrictedQuarantine(s.spark, s.layout, s.files)
              .rowsFor(account)
              .select("business_date", "source_table", "source_file", "reason", "detail", "record")
              .limit(MOST_EVENTS));

      section(out, "Decisions on this account");
      List<ReviewDecision> decisions = book.decisionsOn(account);
      java.util.Set<String> applied = book.appliedIds();
      if (decisions.isEmpty()) {
        out.println("  none");
      }
      for (ReviewDecision d : decisions) {
        out.printf(
            "  %s  %s %s by %s (%s): %s%s%n",
            d.decidedAt(),
            d.caseId(),
            d.decision().word(),
            d.reviewer(),
            applied.contains(d.decisionId()) ? "applied" : "waiting for the next night",
            d.reason(),
            d.dailyLimitUsd() == null
                ? ""
                : "; daily limit USD " + d.dailyLimitUsd().toPlainString());
      }
      out.flush();
    }
    return Giftpay.OK;
  }

  private static void section(PrintWriter out, String title) {
    out.println();
    out.println("== " + title);
  }

  private void linked(PrintWriter out, ReviewSession s, String view, String key, LocalDate night) {
    org.apache.hadoop.fs.Path kept = s.layout.kept("features", view, night);
    if (!s.files.exists(kept)) {
      out.println("  " + view + ": not kept for this night");
      return;
    }
    Dataset<Row> rows = s.spark.read().parquet(kept.toString()).select(key, "account_id");
    Dataset<Row> mine = rows.filter(col("account_id").equalTo(account)).select(key).distinct();
    print(
        out,
        rows.join(mine, key)
            .filter(col("account_id").notEqual(account))
            .distinct()
            .orderBy(key, "account_id"));
  }

  private static Dataset<Row> published(
      ReviewSession s, String table, LocalDate from, LocalDate to) {
    List<String> paths = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      org.apache.hadoop.fs.Path p = s.layout.published(table, d);
      if (s.files.exists(p)) {
        paths.add(p.toString());
      }
    }
    if (paths.isEmpty()) {
      return s.spark.emptyDataFrame();
    }
    return s.spark.read().parquet(paths.toArray(String[]::new));
  }

  private static Dataset<Row> events(ReviewSession s, String table, LocalDate night) {
    org.apache.hadoop.fs.Path root = s.layout.acceptedEvents(table);
    List<String> paths = new ArrayList<>();
    for (LocalDate d = night.minusDays(RECENT_NIGHTS - 1); !d.isAfter(night); d = d.plusDays(1)) {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(root, "event_date=" + d);
      if (s.files.exists(p)) {
        paths.add(p.toString());
      }
    }
    if (paths.isEmpty()) {
      return s.spark.emptyDataFrame();
    }
    return s.spark.read().option("basePath", root.toString()).parquet(paths.toArray(String[]::new));
  }

  /**
   * Prints a small result, or "none"; an empty frame without columns (nothing kept) is "none" too.
   */
  private static void print(PrintWriter out, Dataset<Row> rows) {
    if (rows.columns().length == 0) {
      out.println("  none");
      return;
    }
    List<Row> collected = rows.collectAsList();
    if (collected.isEmpty()) {
      out.println("  none");
      return;
    }
    List<String> header = List.of(rows.columns());
    List<List<String>> cells = new ArrayList<>();
    for (Row r : collected) {
      List<String> line = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        Object v = r.get(i);
        line.add(
            v == null
                ? ""
                : v instanceof java.math.BigDecimal b ? b.toPlainString() : v.toString());
      }
      cells.add(line);
    }
    java.io.StringWriter text = new java.io.StringWriter();
    TextTable.print(new PrintWriter(text), "table", header, cells);
    text.toString().lines().forEach(l -> out.println("  " + l));
  }
}
