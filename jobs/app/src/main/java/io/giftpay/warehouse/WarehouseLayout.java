package io.giftpay.warehouse;

import java.time.LocalDate;
import org.apache.hadoop.fs.Path;

/**
 * Where everything lives under a warehouse root. Published tables are {@code <root>/<table>/dt=D/};
 * everything Giftpay keeps for itself is under {@code _giftpay/} (hidden from Spark, DuckDB and
 * Hive readers by its leading underscore).
 */
public final class WarehouseLayout {
  /** Published tables, in the order they are published. */
  public static final String QUARANTINE = "quarantine";

  public static final String NIGHT_COUNTS = "night_counts";
  public static final String FLAGS = "flags";
  public static final String CREATOR_BALANCES = "creator_balances";
  public static final String PAYOUTS = "payouts";
  public static final String HOLDS = "holds";
  public static final String REVIEWS = "reviews";
  public static final String SPENDING_LIMITS = "spending_limits";

  private final Path root;

  public WarehouseLayout(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** The published partition of a table for night D. */
  public Path published(String table, LocalDate night) {
    return new Path(new Path(root, table), "dt=" + night);
  }

  /** The night report of night D, {@code reports/dt=D/index.html}: one self-contained page. */
  public Path report(LocalDate night) {
    return new Path(new Path(new Path(root, "reports"), "dt=" + night), "index.html");
  }

  Path internal() {
    return new Path(root, "_giftpay");
  }

  /** One small JSON file per completed night: its presence means the night is published. */
  public Path nightRecords() {
    return new Path(internal(), "nights");
  }

  public Path nightRecord(LocalDate night) {
    return new Path(nightRecords(), "dt=" + night + ".json");
  }

  /**
   * Accepted events, {@code <table>/event_date=E/night=D/}: replay look-ups and feature windows.
   */
  public Path acceptedEvents(String ledgerTable) {
    return new Path(new Path(internal(), "events"), ledgerTable);
  }

  /** Scratch space for one night; removed once the night is published. */
  public Path staging(LocalDate night) {
    return new Path(new Path(internal(), "staging"), "dt=" + night);
  }

  /** A table staged for publication on night D. */
  public Path stagedTable(LocalDate night, String table) {
    return new Path(new Path(staging(night), "tables"), table);
  }

  /** Tonight's accepted events, staged, partitioned by event_date. */
  public Path stagedEvents(LocalDate night, String ledgerTable) {
    return new Path(new Path(staging(night), "events"), ledgerTable);
  }

  /** An intermediate result of one step, read by a later step of the same night. */
  public Path work(LocalDate night, String name) {
    return new Path(new Path(staging(night), "work"), name);
  }

  /**
   * Per-night state Giftpay keeps for later nights: {@code _giftpay/<area>/<name>/dt=N}, e.g. the
   * daily summaries feature windows read, or the feature views backtests rerun rules on.
   */
  public Path kept(String area, String name, LocalDate night) {
    return new Path(new Path(new Path(internal(), area), name), "dt=" + night);
  }

  /** The same, staged by night D until it publishes. */
  public Path stagedKept(LocalDate night, String area, String name) {
    return new Path(new Path(new Path(staging(night), "kept"), area), name);
  }

  /**
   * The review decisions log: one JSON file per decision, appended by {@code giftpay review
   * decide}.
   */
  public Path reviewDecisions() {
    return new Path(new Path(internal(), "review"), "decisions");
  }

  public Path jobRepository() {
    return new Path(new Path(internal(), "job-repository"), "giftpay");
  }
}
