package io.giftpay.cli;

import io.giftpay.config.GiftpayConfig;
import io.giftpay.review.CaseKind;
import io.giftpay.review.CaseStatus;
import io.giftpay.review.CaseSummary;
import io.giftpay.review.Decision;
import io.giftpay.review.DecisionDesk;
import io.giftpay.review.DecisionLog;
import io.giftpay.review.DecisionRefused;
import io.giftpay.review.ReviewDecision;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code giftpay review}: trust and safety's desk. A case is one account (sender or creator) with
 * open flags or holds; {@code queue} lists them, {@code show} puts everything about one on a page,
 * {@code decide} records a decision that the next night applies.
 */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    header = "work through review cases: list them (queue), read one (show), decide (decide)",
    description =
        "Trust and safety's desk: a case is one account (sender or creator) with open flags or holds.",
    subcommands = {ReviewCommand.Queue.class, ReviewShowCommand.class, ReviewCommand.Decide.class})
final class ReviewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return Giftpay.USAGE;
  }

  /** Output formats of the queue. */
  enum Format {
    table,
    csv,
    json
  }

  @Command(
      name = "queue",
      mixinStandardHelpOptions = true,
      header = "list the review cases, most USD at stake first",
      description = {
        "One line a case, most USD at stake first, then oldest: account, role, kind (fraud or care), the sources that flagged it,",
        "the model's score, USD held, first and last flagged night, age in nights, and any decision waiting for the next night.",
        "Reads the case book of the warehouse's newest completed night."
      })
  static final class Queue implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin WarehouseOption warehouse;

    @Option(names = "--kind", paramLabel = "fraud|care", description = "only cases of this kind")
    CaseKindOption kind;

    @Option(
        names = "--status",
        paramLabel = "open|decided",
        defaultValue = "open",
        description = "open (default) or decided cases")
    StatusOption status;

    @Option(names = "--limit", paramLabel = "N", description = "at most N cases")
    Integer limit;

    @Option(
        names = "--format",
        defaultValue = "table",
        paramLabel = "table|csv|json",
        description = "output format (default: ${DEFAULT-VALUE})")
    Format format;

    @Mixin SparkOptions spark;

    @Override
    public Integer call() {
      if (limit != null && limit < 1) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "Invalid --limit: " + limit + " (must be at least 1)");
      }
      try (ReviewSession session = new ReviewSession(warehouse.root(), spark.config())) {
        List<ReviewDecision> pending = session.book.pending();
        List<List<String>> rows = new ArrayList<>();
        for (CaseSummary c : session.book.cases()) {
          if (c.status() != status.value || kind != null && c.kind() != kind.value) {
            continue;
          }
          if (limit != null && rows.size() >= limit) {
            break;
          }
          rows.add(
              List.of(
                  c.caseId(),
                  c.accountId(),
                  c.role(),
                  c.kind().word(),
                  String.join(",", c.sources()),
                  c.modelScore() == null ? "" : String.format(Locale.ROOT, "%.4f", c.modelScore()),
                  exactUsd(c.usdHeld()),
                  c.firstFlagged().toString(),
                  c.lastFlagged().toString(),
                  Integer.toString(c.ageNights()),
                  waiting(c, pending)));
        }
        PrintWriter out = new PrintWriter(Giftpay.out(spec), true);
        TextTable.print(
            out,
            format.name(),
            List.of(
                "case",
                "account",
                "role",
                "kind",
                "sources",
                "model_score",
                "usd_held",
                "first_flagged",
                "last_flagged",
                "age_nights",
                "waiting"),
            rows);
        if (format == Format.table) {
          out.printf(
              "%d %s case(s) as of night %s%n",
              rows.size(), status.value.word(), session.book.night());
        }
        out.flush();
      }
      return Giftpay.OK;
    }

    /**
     * Diamonds may be worth fractions of a cent: at least cents, and every digit there is (never
     * rounded).
     */
    private static String exactUsd(BigDecimal usd) {
      BigDecimal stripped = usd.stripTrailingZeros();
      return (stripped.scale() < 2 ? usd.setScale(2, java.math.RoundingMode.UNNECESSARY) : stripped)
          .toPlainString();
    }

    private static String waiting(CaseSummary c, List<ReviewDecision> pending) {
      List<ReviewDecision> on =
          pending.stream().filter(d -> d.caseId().equals(c.caseId())).toList();
      if (on.isEmpty()) {
        return "";
      }
      ReviewDecision first = on.get(0);
      return first.decision().word()
          + " by "
          + String.join("+", on.stream().map(ReviewDecision::reviewer).toList());
    }
  }

  @Command(
      name = "decide",
      mixinStandardHelpOptions = true,
      header = "record a decision on an account's open case (the next night applies it)",
      description = {
        "Record a decision on an account's open case; the next night applies it, in balanced books:",
        "  cleared    releases the case's held diamonds (paid that night if the creator qualifies); the rules that",
        "             flagged it leave the account alone for giftpay.review.cleared-quiet-nights unless the evidence grows",
        "  confirmed  forfeits the held diamonds (never paid) and holds whatever the account sends or receives from then on;",
        "             at or above giftpay.review.four-eyes-usd (default USD 500) it needs a second, different reviewer",
        "  limit      (care cases) publishes a daily spending limit in spending_limits, with --daily-usd",
        "Decisions are appended, never edited. Refused, with nothing written: an unknown account, no open case,",
        "an empty reason, an unknown decision, a case already decided."
      })
  static final class Decide implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "ACCOUNT",
        description = "the account (user_id) whose case is decided")
    String account;

    @Option(
        names = "--decision",
        required = true,
        paramLabel = "cleared|confirmed|limit",
        description = "the decision")
    String decision;

    @Option(names = "--reviewer", required = true, paramLabel = "NAME", description = "who decides")
    String reviewer;

    @Option(
        names = "--reason",
        required = true,
        paramLabel = "TEXT",
        description = "why, for the record")
    String reason;

    @Option(
        names = "--daily-usd",
        paramLabel = "N",
        description = "the daily spending limit in USD, with --decision limit")
    BigDecimal dailyUsd;

    @Option(
        names = "--role",
        paramLabel = "sender|creator",
        description = "which case, when the account has one as sender and one as creator")
    String role;

    @Mixin WarehouseOption warehouse;

    @Mixin SparkOptions spark;

    @Override
    public Integer call() {
      Decision word = Decision.parse(decision);
      try (ReviewSession session = new ReviewSession(warehouse.root(), spark.config())) {
        DecisionDesk desk =
            new DecisionDesk(
                session.config.getDecimal(
                    GiftpayConfig.REVIEW_FOUR_EYES_USD,
                    GiftpayConfig.REVIEW_FOUR_EYES_USD_DEFAULT));
        DecisionLog log = session.book.log();
        DecisionDesk.Outcome[] outcome = new DecisionDesk.Outcome[1];
        log.appendChecked(
            () -> {
              boolean known = session.book.accountKnown(account);
              List<CaseSummary> open = session.book.openCases(account);
              if (role != null) {
                open = open.stream().filter(c -> c.role().equals(role)).toList();
              } else if (open.size() > 1) {
                throw new DecisionRefused(
                    "Account '"
                        + account
                        + "' has an open case as sender and one as creator: say which with --role");
              }
              Optional<CaseSummary> theCase = open.stream().findFirst();
              List<ReviewDecision> pending =
                  theCase.isEmpty()
                      ? List.of()
                      : session.book.pending().stream()
                          .filter(d -> d.caseId().equals(theCase.get().caseId()))
                          .toList();
              outcome[0] =
                  desk.decide(
                      DecisionLog.newDecisionId(),
                      account,
                      known,
                      theCase,
                      pending,
                      word,
                      reviewer,
                      reason,
                      dailyUsd,
                      Instant.now());
              return outcome[0].decision();
            });
        PrintWriter out = new PrintWriter(Giftpay.out(spec), true);
        out.println(outcome[0].message());
        out.flush();
      }
      return Giftpay.OK;
    }
  }

  /** --kind fraud|care. */
  enum CaseKindOption {
    fraud(CaseKind.FRAUD),
    care(CaseKind.CARE);

    final CaseKind value;

    CaseKindOption(CaseKind value) {
      this.value = value;
    }
  }

  /** --status open|decided. */
  enum StatusOption {
    open(CaseStatus.OPEN),
    decided(CaseStatus.DECIDED);

    final CaseStatus value;

    StatusOption(CaseStatus value) {
      this.value = value;
    }
  }
}
