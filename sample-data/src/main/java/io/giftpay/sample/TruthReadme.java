package io.giftpay.sample;

import java.util.List;
import java.util.Map;

/** The text of {@code <out>/_truth/README.md}. */
final class TruthReadme {
  private TruthReadme() {}

  static String text(
      GeneratorOptions o, GenerationSummary s, List<LedgerGenerator.PatternStats> patterns) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Truth files of a generated ledger\n\n");
    sb.append("Written by `io.giftpay.sample.LedgerGenerator` (module sample-data) with start ")
        .append(o.start())
        .append(", ")
        .append(o.days())
        .append(" days, ")
        .append(o.users())
        .append(" users, ")
        .append(o.creators())
        .append(" creators, seed ")
        .append(o.seed())
        .append(", format ")
        .append(o.format())
        .append(", pattern scale ")
        .append(o.patternScale())
        .append(
            o.lookalikeScale() == o.patternScale()
                ? ""
                : ", look-alike scale " + o.lookalikeScale())
        .append(".\n");
    sb.append(
        "They say what the generator injected on purpose, so tests can check what the pipeline does\n");
    sb.append(
        "with it. The folder name starts with `_`, which Spark and most readers skip. All files are\n");
    sb.append("RFC 4180 CSV (UTF-8, CRLF, header row).\n\n");
    sb.append("| file | one row per | columns |\n|---|---|---|\n");
    sb.append(
        "| `broken_rows.csv` | row made to break the contract on purpose | event_id, table, dt, "
            + "intended_reason: the quarantine reason code the row must get; it fails that check and no "
            + "earlier one in the contract's order |\n");
    sb.append(
        "| `replays.csv` | extra copy of an event (identical in every field) | event_id, table, first_dt "
            + "(partition of the first copy), replay_dt (partition of this copy; same dt means another file "
            + "of that partition) |\n");
    sb.append(
        "| `late_events.csv` | event whose first copy lands after the date of its event_time | "
            + "event_id, table, event_date (UTC date of event_time), dt |\n");
    sb.append(
        "| `labels.csv` | account × role × pattern: an account involved in an injected fraud or "
            + "overspending pattern | account_id, role (`sender` or `creator`), pattern |\n");
    sb.append(
        "| `lookalikes.csv` | account × role × kind: an innocent account made to look like a pattern "
            + "(never in labels.csv; flagging it is a false positive) | account_id, role (`sender` or "
            + "`creator`), kind |\n\n");
    sb.append(
        "Pattern and look-alike events are valid (never quarantined), land on the UTC date of their "
            + "event_time (never late, replayed or broken) and have ordinary-looking event_ids with an index "
            + "from 900,000,000 on. An account of a pattern may be an ordinary generated account (it then "
            + "also has ordinary events) or one the pattern added. The ordinary population is not labelled, "
            + "although it has some risky-looking behaviour of its own: ~1.5% of recharges are reversed "
            + "(30-50% of those as chargebacks, unrelated to gifting), ~6% of gifts come from an IP outside "
            + "the account country, and a few whales spend a lot. Ordinary viewers are adults or of unknown "
            + "age: a minor who spends is always the underage_spending pattern (minor creators never spend). "
            + "Patterns come in several shapes, chosen by instance (instance i gets shape i mod the number of "
            + "shapes, so a few instances show them all) and with parameters drawn per instance from the "
            + "ranges below.\n\n");
    if (patterns.isEmpty()) {
      sb.append(
          "No patterns were injected: `labels.csv` and `lookalikes.csv` hold only their headers.\n\n");
    } else {
      sb.append("## Injected patterns\n\n");
      sb.append(
          "| pattern / kind | file | instances | accounts added | truth rows by role | events by table "
              + "| what it looks like |\n|---|---|---|---|---|---|---|\n");
      for (LedgerGenerator.PatternStats p : patterns) {
        boolean lookalike = p.labels.isEmpty() && !p.lookalikes.isEmpty();
        sb.append("| ")
            .append(p.name)
            .append(" | ")
            .append(lookalike ? "lookalikes.csv" : p.labels.isEmpty() ? "-" : "labels.csv")
            .append(" | ")
            .append(p.instances < 0 ? "-" : Integer.toString(p.instances))
            .append(" | ")
            .append(p.accounts)
            .append(" | ")
            .append(counts(lookalike ? p.lookalikes : p.labels))
            .append(" | ")
            .append(counts(p.events))
            .append(" | ")
            .append(p.description)
            .append(" |\n");
      }
      sb.append("\n");
    }
    sb.append(
        "## Counts\n\n| table | rows written | of which from patterns and look-alikes |\n|---|---|---|\n");
    for (Map.Entry<String, Long> e : s.rowsByTable().entrySet()) {
      sb.append("| ")
          .append(e.getKey())
          .append(" | ")
          .append(e.getValue())
          .append(" | ")
          .append(
              s.patternRowsByTable().containsKey(e.getKey())
                  ? Long.toString(s.patternRows(e.getKey()))
                  : "-")
          .append(" |\n");
    }
    sb.append("\n| intended_reason | broken rows |\n|---|---|\n");
    for (Map.Entry<String, Long> e : s.brokenByReason().entrySet()) {
      sb.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n");
    }
    sb.append("\nReplayed rows: ")
        .append(s.replays())
        .append(". Late events: ")
        .append(s.lateEvents())
        .append(". labels.csv rows: ")
        .append(s.labels())
        .append(". lookalikes.csv rows: ")
        .append(s.lookalikes())
        .append(".\n");
    return sb.toString();
  }

  private static String counts(Map<String, Long> m) {
    if (m.isEmpty()) {
      return "-";
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Long> e : m.entrySet()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(e.getKey()).append(' ').append(e.getValue());
    }
    return sb.toString();
  }
}
