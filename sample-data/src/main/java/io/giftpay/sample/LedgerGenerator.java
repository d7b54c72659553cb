package io.giftpay.sample;

import io.giftpay.ledger.LedgerTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Generates a synthetic gift ledger laid out as the ledger contract (section 2) says: {@code
 * <out>/<table>/dt=YYYY-MM-DD/<file>.parquet|.csv}, plus truth files under {@code <out>/_truth/}.
 *
 * <h2>Volume</h2>
 *
 * Valid gifts with an event_time on day d: {@code round(1.5 × users × f(d))}, where f is the weekly
 * rhythm Mon 0.85, Tue 0.85, Wed 0.90, Thu 0.90, Fri 1.10, Sat 1.20, Sun 1.20 (mean exactly 1 over
 * a week). So for about N gifts a day pick {@code users ≈ N / 1.5}: 667,000 users for ~1M gifts a
 * day, 6,670,000 for ~10M. Each dt partition additionally holds ~0.5% replays, ~0.2% broken rows
 * and the late arrivals of the previous days (about as many as the day's own late events, ~1.5%).
 * Recharges: 12% of the day's gift count; rewards: 4%; reversals: ~1.5% of recharges, 1 hour to 7
 * days after them.
 *
 * <h2>Memory and speed</h2>
 *
 * Every event is a pure function of (seed, table, day, index), so a day is streamed row by row and
 * a late or replayed event is regenerated from its index when its landing day is written; the only
 * state is about 10 bytes per user (to sample senders by spend intensity) and the open files' row
 * groups (at most 64 MB each).
 *
 * <h2>Determinism</h2>
 *
 * No wall clock, no hash-order iteration, no random UUIDs: the same options give byte-identical
 * files.
 */
public final class LedgerGenerator {

  private LedgerGenerator() {}

  /**
   * Generates with the standard fraud patterns and innocent look-alikes ({@link
   * io.giftpay.sample.patterns.StandardPatterns#all()}) unless {@code options.patternScale()} is 0
   * (see {@link GeneratorOptions#withoutPatterns()}).
   */
  public static GenerationSummary generate(GeneratorOptions options, Consumer<String> progress) {
    Objects.requireNonNull(options, "options");
    return generate(
        options,
        options.patternsOn() ? io.giftpay.sample.patterns.StandardPatterns.all() : List.of(),
        progress);
  }

  /** Generates with exactly the given injected patterns (applied in list order), none else. */
  public static GenerationSummary generate(
      GeneratorOptions options, List<InjectedPattern> patterns, Consumer<String> progress) {
    Objects.requireNonNull(options, "options");
    try {
      return new Run(options, List.copyOf(patterns), progress == null ? s -> {} : progress).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Folders the generator owns under out; they are replaced on each run. */
  static final List<String> OWNED =
      List.of("gifts", "recharges", "reversals", "rewards", "accounts", "fx_rates", "_truth");

  private static final class Run {
    private final GeneratorOptions o;
    private final LedgerFormat format;
    private final Path out;
    private final Schedule schedule;
    private final Population pop;
    private final Events events;
    private final BrokenRows broken;
    private final FxRates fx;
    private final List<InjectedPattern> patterns;
    private final List<PatternContext> contexts = new ArrayList<>();
    private final List<PatternAccount> patternAccounts = new ArrayList<>();
    private final Consumer<String> progress;
    private final Map<LedgerTable, Long> patternRows = new EnumMap<>(LedgerTable.class);
    private final List<PatternStats> patternStats = new ArrayList<>();
    private long labelRows;
    private long lookalikeRows;

    private final Map<LedgerTable, Long> rows = new EnumMap<>(LedgerTable.class);
    private final Map<ReasonCode, Long> brokenByReason = new EnumMap<>(ReasonCode.class);
    private long replays;
    private long late;
    private BufferedWriter brokenTruth;
    private BufferedWriter replayTruth;
    private BufferedWriter lateTruth;

    Run(GeneratorOptions o, List<InjectedPattern> patterns, Consumer<String> progress) {
      this.o = o;
      this.format = o.format();
      this.out = o.out();
      this.schedule = new Schedule(o.start(), o.days());
      this.pop = new Population(o, schedule);
      this.events = new Events(pop, schedule, o.seed());
      this.broken = new BrokenRows(events, o.seed(), format);
      this.fx = new FxRates(o.seed(), schedule);
      this.patterns = patterns;
      this.progress = progress;
      for (LedgerTable t : LedgerTable.values()) {
        rows.put(t, 0L);
      }
      for (LedgerTable t : LedgerTable.eventTables()) {
        patternRows.put(t, 0L);
      }
      for (ReasonCode c : ReasonCode.values()) {
        brokenByReason.put(c, 0L);
      }
    }

    GenerationSummary run() throws IOException {
      long t0 = System.nanoTime();
      Files.createDirectories(out);
      for (String name : OWNED) {
        deleteRecursively(out.resolve(name));
      }
      Path truth = Files.createDirectories(out.resolve("_truth"));
      for (int p = 0; p < patterns.size(); p++) {
        PatternContext ctx = new PatternContext(o, pop, schedule, p);
        contexts.add(ctx);
        List<PatternAccount> added = patterns.get(p).accounts(ctx);
        patternAccounts.addAll(added);
        patternStats.add(new PatternStats(patterns.get(p).name(), added.size()));
      }
      brokenTruth =
          truthFile(truth.resolve("broken_rows.csv"), "event_id,table,dt,intended_reason");
      replayTruth = truthFile(truth.resolve("replays.csv"), "event_id,table,first_dt,replay_dt");
      lateTruth = truthFile(truth.resolve("late_events.csv"), "event_id,table,event_date,dt");
      int accountsOrdinal = 0;
      int fxOrdinal = 0;
      for (int d = 0; d < schedule.days; d++) {
        long dayStart = System.nanoTime();
        Map<LedgerTable, Long> before = new EnumMap<>(rows);
        Map<LedgerTable, Long> nanos = new EnumMap<>(LedgerTable.class);
        long t1 = System.nanoTime();
        if (schedule.accountsSnapshot(d)) {
          writeAccounts(d, accountsOrdinal++);
        }
        long t2 = System.nanoTime();
        nanos.put(LedgerTable.ACCOUNTS, t2 - t1);
        if (schedule.fxSnapshot(d)) {
          writeFx(d, fxOrdinal++);
        }
        for (LedgerTable t : LedgerTable.eventTables()) {
          long t3 = System.nanoTime();
          writeEvents(t, d);
          nanos.put(t, System.nanoTime() - t3);
        }
        StringBuilder line = new StringBuilder(schedule.dt(d)).append(':');
        long total = 0;
        for (LedgerTable t : LedgerTable.values()) {
          long n = rows.get(t) - before.get(t);
          total += n;
          line.append(' ').append(t.tableName()).append('=').append(n);
          Long ns = nanos.get(t);
          if (ns != null && n > 0) {
            line.append(String.format(Locale.ROOT, " (%.2f s)", ns / 1e9));
          }
        }
        progress.accept(
            String.format(
                Locale.ROOT,
                "%s (%d rows) in %.2f s, %.2f s elapsed",
                line,
                total,
                (System.nanoTime() - dayStart) / 1e9,
                (System.nanoTime() - t0) / 1e9));
      }
      brokenTruth.close();
      replayTruth.close();
      lateTruth.close();
      writeLabels(truth.resolve("labels.csv"));
      writeLookalikes(truth.resolve("lookalikes.csv"));
      for (int q = 0; q < patterns.size(); q++) {
        PatternStats st = patternStats.get(q);
        st.instances = patterns.get(q).instances(contexts.get(q));
        st.description = patterns.get(q).description();
      }
      GenerationSummary summary = summary();
      Files.writeString(
          truth.resolve("README.md"),
          TruthReadme.text(o, summary, patternStats),
          StandardCharsets.UTF_8);
      return summary;
    }

    private GenerationSummary summary() {
      Map<String, Long> byTable = new LinkedHashMap<>();
      for (LedgerTable t : LedgerTable.values()) {
        byTable.put(t.tableName(), rows.get(t));
      }
      Map<String, Long> byReason = new LinkedHashMap<>();
      for (ReasonCode c : ReasonCode.values()) {
        byReason.put(c.name(), brokenByReason.get(c));
      }
      Map<String, Long> byPatternTable = new LinkedHashMap<>();
      for (LedgerTable t : LedgerTable.eventTables()) {
        byPatternTable.put(t.tableName(), patternRows.get(t));
      }
      return new GenerationSummary(
          out, byTable, byReason, replays, late, byPatternTable, labelRows, lookalikeRows);
    }

    private static BufferedWriter truthFile(Path file, String header) throws IOException {
      BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      w.write(header);
      w.write(Csv.EOL);
      return w;
    }

    private static void truthLine(BufferedWriter w, String... fields) throws IOException {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < fields.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        Csv.appendField(sb, fields[i]);
      }
      w.write(sb.append(Csv.EOL).toString());
    }

    private Path partition(LedgerTable t, int d) throws IOException {
      return Files.createDirectories(out.resolve(t.tableName()).resolve("dt=" + schedule.dt(d)));
    }

    private RowFile open(Path file, LedgerTable t, boolean csv) throws IOException {
      RowFile f = csv ? new Csv.RowWriter(file, t, csvOrder(t)) : new ParquetRowWriter(file, t);
      return new AsyncRowFile(f, file.getFileName().toString());
    }

    /** CSV column order: the contract's, except recharges and accounts (any order is allowed). */
    static int[] csvOrder(LedgerTable t) {
      int n = t.columns().size();
      int shift =
          switch (t) {
            case RECHARGES -> 3;
            case ACCOUNTS -> 1;
            default -> 0;
          };
      int[] order = new int[n];
      for (int k = 0; k < n; k++) {
        order[k] = (k + shift) % n;
      }
      return order;
    }

    // ---- snapshots

    private void writeAccounts(int d, int ordinal) throws IOException {
      boolean csv =
          format == LedgerFormat.CSV || (format == LedgerFormat.MIXED && ordinal % 2 == 1);
      Path file =
          partition(LedgerTable.ACCOUNTS, d)
              .resolve("accounts-" + schedule.compact(d) + (csv ? ".csv" : ".parquet"));
      try (RowFile f = open(file, LedgerTable.ACCOUNTS, csv)) {
        int n = pop.activeUsers(d);
        for (int idx = 0; idx < n; idx++) {
          Object[] row = pop.accountRow(idx, d);
          if (csv && idx % 53 == 7) {
            // booleans are case-insensitive in the contract: spell a few in capitals
            row[4] = new RawValue(((Boolean) row[4]) ? "TRUE" : "False");
            row[5] = new RawValue(((Boolean) row[5]) ? "True" : "FALSE");
          }
          f.write(row);
        }
        for (PatternAccount a : patternAccounts) {
          if (a.firstSnapshotDay() <= d) {
            f.write(normalize(a.row()));
          }
        }
        add(LedgerTable.ACCOUNTS, f.rows());
      }
    }

    private void writeFx(int d, int ordinal) throws IOException {
      boolean csv =
          format == LedgerFormat.CSV || (format == LedgerFormat.MIXED && ordinal % 2 == 1);
      Path file =
          partition(LedgerTable.FX_RATES, d)
              .resolve("fx_rates-" + schedule.compact(d) + (csv ? ".csv" : ".parquet"));
      try (RowFile f = open(file, LedgerTable.FX_RATES, csv)) {
        for (Object[] row : fx.snapshot(d)) {
          f.write(row);
        }
        add(LedgerTable.FX_RATES, f.rows());
      }
    }

    private void add(LedgerTable t, long n) {
      rows.merge(t, n, Long::sum);
    }

    // ---- events

    /** The files of one event partition: slot 0 and slot 1 (see class comment of Partition). */
    private final class Partition implements AutoCloseable {
      private final Path dir;
      private final LedgerTable table;
      private final String stem;
      private final RowFile[] files = new RowFile[2];

      Partition(LedgerTable table, int d) throws IOException {
        this.table = table;
        this.dir = partition(table, d);
        this.stem = table.tableName() + "-" + schedule.compact(d) + "-";
        file(0);
        if (format == LedgerFormat.MIXED) {
          file(1);
        }
      }

      /**
       * MIXED: slot 0 is the Parquet file, slot 1 the CSV file. PARQUET/CSV: slot 0 is the main
       * file, slot 1 a second file of the same format holding the same-day replays (created only
       * when there are some).
       */
      private RowFile file(int slot) throws IOException {
        if (files[slot] == null) {
          boolean csv = format == LedgerFormat.CSV || (format == LedgerFormat.MIXED && slot == 1);
          files[slot] = open(dir.resolve(stem + slot + (csv ? ".csv" : ".parquet")), table, csv);
        }
        return files[slot];
      }

      void write(Object[] row, int slot) throws IOException {
        file(slot).write(row);
      }

      @Override
      public void close() throws IOException {
        for (RowFile f : files) {
          if (f != null) {
            add(table, f.rows());
            f.close();
          }
        }
      }
    }

    private int regularSlot(long h) {
      return format == LedgerFormat.MIXED ? events.slot(h) : 0;
    }

    private int sameDayReplaySlot(long h) {
      return format == LedgerFormat.MIXED ? 1 - events.slot(h) : 1;
    }

    private void writeEvents(LedgerTable t, int d) throws IOException {
      try (Partition p = new Partition(t, d)) {
        long n = events.count(t, d);
        int b = broken.count(t, d);
        int k = 0;
        for (long i = 0; i < n; i++) {
          while (k < b && (k + 1) * n / (b + 1) <= i) {
            writeBroken(p, t, d, k++, b);
          }
          long h = events.hash(t, d, i);
          int landing = events.landing(d, h);
          if (landing != d) {
            continue;
          }
          Object[] row = events.event(t, d, i, h, n);
          p.write(row, regularSlot(h));
          if (events.replayLanding(h, landing) == d) {
            p.write(row, sameDayReplaySlot(h));
            replay(row, t, d, d);
          }
        }
        while (k < b) {
          writeBroken(p, t, d, k++, b);
        }
        // late arrivals and next-day replays of earlier days' events
        for (int e = Math.max(0, d - Events.MAX_LATE_DAYS - 1); e < d; e++) {
          long ne = events.count(t, e);
          for (long i = 0; i < ne; i++) {
            long h = events.hash(t, e, i);
            int landing = events.landing(e, h);
            int replay = events.replayLanding(h, landing);
            if (landing != d && replay != d) {
              continue;
            }
            Object[] row = events.event(t, e, i, h, ne);
            if (landing == d) {
              p.write(row, regularSlot(h));
              late++;
              truthLine(lateTruth, (String) row[0], t.tableName(), schedule.dt(e), schedule.dt(d));
              if (replay == d) {
                p.write(row, sameDayReplaySlot(h));
                replay(row, t, d, d);
              }
            } else {
              p.write(row, regularSlot(h));
              replay(row, t, landing, d);
            }
          }
        }
        for (int q = 0; q < patterns.size(); q++) {
          PatternStats st = patternStats.get(q);
          patterns
              .get(q)
              .events(
                  contexts.get(q),
                  t,
                  d,
                  row -> {
                    try {
                      p.write(normalize(row), 0);
                    } catch (IOException ex) {
                      throw new UncheckedIOException(ex);
                    }
                    patternRows.merge(t, 1L, Long::sum);
                    st.events.merge(t.tableName(), 1L, Long::sum);
                  });
        }
      }
    }

    private void replay(Object[] row, LedgerTable t, int firstDt, int dt) throws IOException {
      replays++;
      truthLine(replayTruth, (String) row[0], t.tableName(), schedule.dt(firstDt), schedule.dt(dt));
    }

    private void writeBroken(Partition p, LedgerTable t, int d, int k, int of) throws IOException {
      ReasonCode code = broken.code(t, d, k);
      Object[] row = broken.row(t, d, k, of, code);
      int slot = 0;
      if (format == LedgerFormat.MIXED) {
        // mostly CSV; BAD_VALUE always (Parquet columns are typed)
        boolean parquet =
            code != ReasonCode.BAD_VALUE
                && Mix.unit(Mix.key(o.seed(), 0xB0B0L + Events.t(t), d, k)) < 0.25;
        slot = parquet ? 0 : 1;
      }
      p.write(row, slot);
      brokenByReason.merge(code, 1L, Long::sum);
      truthLine(brokenTruth, (String) row[0], t.tableName(), schedule.dt(d), code.name());
    }

    private static Object[] normalize(Object[] row) {
      Object[] copy = row.clone();
      for (int i = 0; i < copy.length; i++) {
        if (copy[i] instanceof Instant instant) {
          copy[i] = instant.toEpochMilli();
        }
      }
      return copy;
    }

    private void writeLabels(Path file) throws IOException {
      try (BufferedWriter w = truthFile(file, "account_id,role,pattern")) {
        for (int q = 0; q < patterns.size(); q++) {
          PatternStats st = patternStats.get(q);
          for (Label l : patterns.get(q).labels(contexts.get(q))) {
            truthLine(w, l.accountId(), l.role(), l.pattern());
            labelRows++;
            st.labels.merge(l.role(), 1L, Long::sum);
          }
        }
      }
    }

    private void writeLookalikes(Path file) throws IOException {
      try (BufferedWriter w = truthFile(file, "account_id,role,kind")) {
        for (int q = 0; q < patterns.size(); q++) {
          PatternStats st = patternStats.get(q);
          for (Lookalike l : patterns.get(q).lookalikes(contexts.get(q))) {
            truthLine(w, l.accountId(), l.role(), l.kind());
            lookalikeRows++;
            st.lookalikes.merge(l.role(), 1L, Long::sum);
          }
        }
      }
    }
  }

  /** What one injected unit wrote, for the truth README. */
  static final class PatternStats {
    final String name;
    final int accounts;
    int instances = -1;
    String description = "";
    final Map<String, Long> events = new java.util.TreeMap<>();
    final Map<String, Long> labels = new java.util.TreeMap<>();
    final Map<String, Long> lookalikes = new java.util.TreeMap<>();

    PatternStats(String name, int accounts) {
      this.name = name;
      this.accounts = accounts;
    }
  }

  static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
