package io.giftpay.sample;

import java.util.Map;

/** The text of {@code <out>/_truth/README.md}. */
final class TruthReadme {
    private TruthReadme() {
    }

    static String text(GeneratorOptions o, GenerationSummary s) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Truth files of a generated ledger\n\n");
        sb.append("Written by `io.giftpay.sample.LedgerGenerator` (module sample-data) with start ")
                .append(o.start()).append(", ").append(o.days()).append(" days, ").append(o.users())
                .append(" users, ").append(o.creators()).append(" creators, seed ").append(o.seed())
                .append(", format ").append(o.format()).append(".\n");
        sb.append("They say what the generator injected on purpose, so tests can check what the pipeline does\n");
        sb.append("with it. The folder name starts with `_`, which Spark and most readers skip. All files are\n");
        sb.append("RFC 4180 CSV (UTF-8, CRLF, header row).\n\n");
        sb.append("| file | one row per | columns |\n|---|---|---|\n");
        sb.append("| `broken_rows.csv` | row made to break the contract on purpose | event_id, table, dt, "
                + "intended_reason: the quarantine reason code the row must get; it fails that check and no "
                + "earlier one in the contract's order |\n");
        sb.append("| `replays.csv` | extra copy of an event (identical in every field) | event_id, table, first_dt "
                + "(partition of the first copy), replay_dt (partition of this copy; same dt means another file "
                + "of that partition) |\n");
        sb.append("| `late_events.csv` | event whose first copy lands after the date of its event_time | "
                + "event_id, table, event_date (UTC date of event_time), dt |\n");
        sb.append("| `labels.csv` | account involved in an injected pattern | account_id, role (`sender` or "
                + "`creator`), pattern |\n\n");
        sb.append("`labels.csv` is written by the `InjectedPattern` units given to the generator; with none ");
        sb.append("(the default) it holds only its header.\n\n");
        sb.append("## Counts\n\n| table | rows written |\n|---|---|\n");
        for (Map.Entry<String, Long> e : s.rowsByTable().entrySet()) {
            sb.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n");
        }
        sb.append("\n| intended_reason | broken rows |\n|---|---|\n");
        for (Map.Entry<String, Long> e : s.brokenByReason().entrySet()) {
            sb.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n");
        }
        sb.append("\nReplayed rows: ").append(s.replays()).append(". Late events: ").append(s.lateEvents())
                .append(".\n");
        return sb.toString();
    }
}
