package io.giftpay.night;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.giftpay.config.GiftpayConfig;
import io.giftpay.ledger.ContractColumn;
import io.giftpay.ledger.LedgerTable;
import io.giftpay.ledger.RejectReason;
import io.giftpay.ledger.TableCounts;
import io.giftpay.privacy.IdentifierKey;
import io.giftpay.spark.DropSeenEvents;
import io.giftpay.spark.KeepFirstOfEachKey;
import io.giftpay.spark.LedgerReader;
import io.giftpay.spark.ParseContractColumns;
import io.giftpay.spark.QuarantineRecords;
import io.giftpay.spark.SourceRowCounts;
import io.giftpay.spark.ValidateLedgerRows;
import io.giftpay.warehouse.LedgerLayout.LedgerFile;
import io.giftpay.warehouse.PublishedTables;
import io.giftpay.warehouse.WarehouseLayout;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Step 1: reads night D's ledger (event partitions of D, snapshots as of D), checks every row
 * against the contract, sends the rows that break it to quarantine, and keeps each event id once
 * across all history. Leaves for the next steps: accepted events, the accounts and FX snapshots,
 * the staged quarantine and night_counts tables, and the counts.
 *
 * <p>{@code rows_read} is counted from the files themselves ({@link SourceRowCounts}), not from
 * what validation hands on, so a row that validation loses (or makes twice) does not reconcile: the
 * night stops, naming the table, the partition and both numbers, before anything is published.
 */
public final class IngestNight {
  public static final String STEP = "ingest";

  private final NightContext context;
  private final StagedWriter writer;
  private final LedgerReader reader;
  private final LateFiles lateFiles;

  /** Per event table, the rows read tonight from files that landed late in earlier partitions. */
  private final Map<String, Long> lateRows = new HashMap<>();

  private final SourceRowCounts sources;
  private final IdentifierKey key;
  private final BiFunction<LedgerTable, Dataset<Row>, Dataset<Row>> afterValidation;

  public IngestNight(NightContext context) {
    this(context, (table, validated) -> validated);
  }

  /**
   * @param afterValidation what becomes of each table's validated rows before they are counted:
   *     nothing in a night; a test makes validation lose a row with it, to see the night stop
   */
  IngestNight(
      NightContext context, BiFunction<LedgerTable, Dataset<Row>, Dataset<Row>> afterValidation) {
    this.context = context;
    this.writer = new StagedWriter(context.spark(), context.files());
    this.reader = new LedgerReader(context.spark(), context.ledger());
    this.sources = new SourceRowCounts(context.spark(), context.ledger());
    this.lateFiles = new LateFiles(context);
    this.key = context.identifierKey();
    this.afterValidation = afterValidation;
  }

  public List<TableCounts> run() {
    requireEventPartitions();
    List<TableCounts> counts = new ArrayList<>();
    List<Dataset<Row>> quarantined = new ArrayList<>();

    Dataset<Row> accounts = snapshot(LedgerTable.ACCOUNTS, true, counts, quarantined);
    snapshot(LedgerTable.FX_RATES, false, counts, quarantined);
    boolean broadcastAccounts =
        writer.rows(new KeptSnapshots(context).used(LedgerTable.ACCOUNTS))
            <= context
                .config()
                .getLong(
                    GiftpayConfig.BROADCAST_ACCOUNTS_MAX,
                    GiftpayConfig.BROADCAST_ACCOUNTS_MAX_DEFAULT);

    for (LedgerTable table : LedgerTable.eventTables()) {
      Path partition = context.ledger().partition(table, context.night());
      if (!context.ledger().exists(partition)) {
        context
            .progress()
            .line("[%s] %s: no partition, the day is empty (--empty-day)", STEP, table.tableName());
        counts.add(TableCounts.empty(table.tableName()));
        continue;
      }
      counts.add(events(table, partition, accounts, broadcastAccounts, quarantined));
    }
    reader
        .unreadColumns()
        .forEach(
            (file, columns) ->
                context
                    .progress()
                    .line(
                        "[%s] %s: columns %s are not in the contract and were not read",
                        STEP, file, columns));

    // Published: personal columns as keys and age bands. Restricted: the rows as they came.
    Dataset<Row> quarantine = quarantineTable(quarantined);
    writer.table(
        quarantine.select(
            "source_table",
            "source_file",
            "event_id",
            "reason",
            "detail",
            "record",
            "business_date"),
        PublishedTables.QUARANTINE,
        stagedTable(WarehouseLayout.QUARANTINE));
    Path restricted = RestrictedQuarantine.staged(context);
    writer.table(
        quarantine.select(
            col("source_table"),
            col("source_file"),
            col("event_id"),
            col("reason"),
            col("detail"),
            col("raw_record").as("record"),
            col("account_ids"),
            col("business_date")),
        restricted,
        "source_table",
        "source_file",
        "record");
    RestrictedQuarantine.ownerOnly(context, restricted);
    writer.table(
        NightCountsTable.of(context.spark(), counts, lateRows),
        PublishedTables.NIGHT_COUNTS,
        stagedTable(WarehouseLayout.NIGHT_COUNTS));
    return counts;
  }

  /**
   * Zero-byte files hold no rows, so they are not read; the night says so rather than pass over
   * them.
   */
  private void noteEmptyFiles(LedgerTable table, Path partition) {
    for (Path empty : context.ledger().emptyFiles(partition)) {
      context
          .progress()
          .line(
              "[%s] %s: %s is empty (0 bytes): no rows, not read", STEP, table.tableName(), empty);
    }
  }

  /** A missing event partition is an upstream failure unless the operator said the day is empty. */
  private void requireEventPartitions() {
    if (context.emptyDay()) {
      return;
    }
    for (LedgerTable table : LedgerTable.eventTables()) {
      Path partition = context.ledger().partition(table, context.night());
      if (!context.ledger().exists(partition)) {
        throw new NightFailure(
            "Missing ledger partition "
                + partition
                + " for night "
                + context.night()
                + ": upstream has not landed "
                + table.tableName()
                + " (if the day really had none, run again with --empty-day)");
      }
    }
  }

  private TableCounts events(
      LedgerTable table,
      Path partition,
      Dataset<Row> accounts,
      boolean broadcastAccounts,
      List<Dataset<Row>> quarantined) {
    long started = System.nanoTime();
    noteEmptyFiles(table, partition);
    List<LedgerFile> tonight = context.ledger().files(partition);
    List<LedgerFile> late = lateFiles.find(table);
    List<LedgerFile> files = new ArrayList<>(tonight);
    files.addAll(late);
    long lateRead = late.isEmpty() ? 0 : sources.rows(late);
    long read = sources.rows(tonight) + lateRead;
    if (!late.isEmpty()) {
      lateRows.put(table.tableName(), lateRead);
      context
          .progress()
          .line(
              "[%s] %s: %d file(s) landed in earlier partitions after their nights ran, %,d rows read tonight as late events: %s",
              STEP,
              table.tableName(),
              late.size(),
              lateRead,
              late.stream().map(f -> f.path().toString()).toList());
    }
    Dataset<Row> validated =
        writer.work(
            afterValidation.apply(
                table,
                new ValidateLedgerRows(
                        table,
                        context.night(),
                        context.catalogue().coinsByGiftId(),
                        accounts,
                        broadcastAccounts)
                    .apply(reader.readParsed(table, files))),
            context.warehouse().work(context.night(), "validated/" + table.tableName()));
    Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
    List<LocalDate> eventDates = new ArrayList<>();
    long valid = countByReasonAndDate(validated, byReason, to_date(col("event_time")), eventDates);

    Dataset<Row> validRows = validated.filter(col(ValidateLedgerRows.REASON).isNull());
    Dataset<Row> unique = new KeepFirstOfEachKey("event_id").apply(validRows);
    Dataset<Row> fresh = new DropSeenEvents(seenIds(table, eventDates)).apply(unique);
    Path staged = context.warehouse().stagedEvents(context.night(), table.tableName());
    writer.events(fresh.select(eventColumns(table)), staged);
    long accepted = writer.rows(staged);

    quarantined.add(quarantineRows(table, validated));
    TableCounts counts =
        reconciled(
            new TableCounts(table.tableName(), read, accepted, valid - accepted, byReason),
            partition);
    lateFiles.recordRead(table, files);
    context
        .progress()
        .line(
            "[%s] %s: %,d rows read, %,d accepted, %,d duplicates, %,d quarantined (%s)",
            STEP,
            table.tableName(),
            read,
            accepted,
            counts.duplicates(),
            counts.quarantined(),
            Progress.elapsed(started));
    return counts;
  }

  /**
   * Reads the snapshot as of D, keeps its valid rows (one per key) as work for later steps. Its
   * broken rows are quarantined, and counted, only on the night the snapshot lands.
   */
  private Dataset<Row> snapshot(
      LedgerTable table,
      boolean required,
      List<TableCounts> counts,
      List<Dataset<Row>> quarantined) {
    long started = System.nanoTime();
    KeptSnapshots snapshots = new KeptSnapshots(context);
    Path work = snapshots.work(table);
    Optional<LocalDate> asOf = context.ledger().snapshotAsOf(table, context.night());
    if (asOf.isEmpty()) {
      Path tableDir = context.ledger().partition(table, context.night()).getParent();
      if (required) {
        throw new NightFailure(
            "No "
                + table.tableName()
                + " snapshot at or before "
                + context.night()
                + " under "
                + tableDir);
      }
      context
          .progress()
          .line(
              "[%s] %s: no snapshot at or before %s; every non-USD payout waits",
              STEP, table.tableName(), context.night());
      snapshots.use(table, "none", work);
      return writer.work(
          context
              .spark()
              .createDataFrame(List.of(), AcceptedEvents.schema(table))
              .drop(AcceptedEvents.EVENT_DATE),
          work);
    }
    Optional<Path> reusable = snapshots.reusable(table, asOf.get());
    if (reusable.isPresent()) {
      snapshots.use(table, asOf.get().toString(), reusable.get());
      Dataset<Row> kept = writer.read(reusable.get());
      context
          .progress()
          .line(
              "[%s] %s: snapshot of %s, checked on an earlier night (%s)",
              STEP, table.tableName(), asOf.get(), Progress.elapsed(started));
      return kept;
    }
    Path partition = context.ledger().partition(table, asOf.get());
    noteEmptyFiles(table, partition);
    Dataset<Row> validated =
        writer.work(
            afterValidation.apply(
                table,
                new ValidateLedgerRows(table, context.night(), Map.of(), null, false)
                    .apply(reader.readParsed(table, partition))),
            context.warehouse().work(context.night(), "validated/" + table.tableName()));
    Dataset<Row> validRows = validated.filter(col(ValidateLedgerRows.REASON).isNull());
    if (table == LedgerTable.FX_RATES) {
      requireOneRatePerCurrency(validRows, partition);
    }
    Dataset<Row> kept =
        writer.work(
            new KeepFirstOfEachKey(table.keyColumn())
                .apply(validRows)
                .select(contractColumns(table)),
            work);
    snapshots.use(table, asOf.get().toString(), work);
    long unique = writer.rows(work);
    if (asOf.get().equals(context.night())) {
      long read = sources.rows(partition);
      Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
      long valid = countByReason(validated, byReason);
      counts.add(
          reconciled(
              new TableCounts(table.tableName(), read, unique, valid - unique, byReason),
              partition));
      quarantined.add(quarantineRows(table, validated));
    }
    context
        .progress()
        .line(
            "[%s] %s: snapshot of %s, %,d rows kept (%s)",
            STEP, table.tableName(), asOf.get(), unique, Progress.elapsed(started));
    return kept;
  }

  /**
   * The counts, if the rows in the partition's files are exactly the rows accepted, dropped as
   * duplicates and quarantined; else the night stops here, before anything is published.
   */
  private static TableCounts reconciled(TableCounts counts, Path partition) {
    if (!counts.reconciles()) {
      throw new NightFailure(
          "Counts of "
              + counts.table()
              + " do not reconcile for "
              + partition
              + ": its files hold "
              + counts.rowsRead()
              + " rows but "
              + counts.accounted()
              + " were accounted for ("
              + counts.accepted()
              + " accepted + "
              + counts.duplicates()
              + " duplicates + "
              + counts.quarantined()
              + " quarantined); the night stops, nothing is published");
    }
    return counts;
  }

  /** Two different rates for one currency would make the payout depend on which one we kept. */
  private void requireOneRatePerCurrency(Dataset<Row> fxRows, Path partition) {
    List<Row> conflicts =
        fxRows
            .groupBy("currency")
            .agg(countDistinct(col("units_per_usd")).as("rates"))
            .filter(col("rates").gt(1))
            .orderBy("currency")
            .limit(5)
            .collectAsList();
    if (!conflicts.isEmpty()) {
      throw new NightFailure(
          "Invalid fx_rates snapshot "
              + partition
              + ": more than one units_per_usd for currency "
              + conflicts.stream().map(r -> r.getString(0)).toList());
    }
  }

  /** Valid rows (returned) and rejected rows by reason, for a snapshot: no event dates. */
  private static long countByReason(Dataset<Row> validated, Map<RejectReason, Long> byReason) {
    return countByReasonAndDate(
        validated, byReason, lit(null).cast(DataTypes.DateType), new ArrayList<>());
  }

  /**
   * Valid rows (returned) and rejected rows by reason, and the distinct {@code validRowDate}s of
   * the valid rows (sorted) into {@code dates}, in one query over the validated rows.
   */
  private static long countByReasonAndDate(
      Dataset<Row> validated,
      Map<RejectReason, Long> byReason,
      Column validRowDate,
      List<LocalDate> dates) {
    Column reason = col(ValidateLedgerRows.REASON);
    long valid = 0;
    for (Row row :
        validated
            .groupBy(reason, when(reason.isNull(), validRowDate).as("d"))
            .count()
            .collectAsList()) {
      if (!row.isNullAt(0)) {
        byReason.put(RejectReason.valueOf(row.getString(0)), row.getLong(2));
        continue;
      }
      valid += row.getLong(2);
      if (!row.isNullAt(1)) {
        dates.add(row.<LocalDate>getAs(1));
      }
    }
    dates.sort(null);
    return valid;
  }

  /** Ids accepted on nights before D, for the event dates tonight's rows carry. */
  private Dataset<Row> seenIds(LedgerTable table, List<LocalDate> eventDates) {
    Path root = context.warehouse().acceptedEvents(table.tableName());
    List<Path> leaves = new ArrayList<>();
    for (LocalDate date : eventDates) {
      Path dateDir = new Path(root, AcceptedEvents.EVENT_DATE + "=" + date);
      for (Path nightDir : context.files().subfolders(dateDir, AcceptedEvents.NIGHT + "=")) {
        LocalDate night =
            LocalDate.parse(nightDir.getName().substring(AcceptedEvents.NIGHT.length() + 1));
        if (night.isBefore(context.night())) {
          leaves.add(nightDir);
        }
      }
    }
    return AcceptedEvents.kept(context.spark(), root, leaves, table).select("event_id");
  }

  private Column[] eventColumns(LedgerTable table) {
    List<Column> columns = new ArrayList<>(List.of(contractColumns(table)));
    columns.add(to_date(col("event_time")).as(AcceptedEvents.EVENT_DATE));
    return columns.toArray(Column[]::new);
  }

  private static Column[] contractColumns(LedgerTable table) {
    return table.columns().stream()
        .map(ContractColumn::name)
        .map(name -> col(name))
        .toArray(Column[]::new);
  }

  private Dataset<Row> quarantineRows(LedgerTable table, Dataset<Row> validated) {
    Column eventId = table.isEvent() ? col("event_id") : lit(null).cast("string");
    return validated
        .filter(col(ValidateLedgerRows.REASON).isNotNull())
        .select(
            lit(table.tableName()).as("source_table"),
            col(ParseContractColumns.SOURCE_FILE).as("source_file"),
            eventId.as("event_id"),
            col(ValidateLedgerRows.REASON).as("reason"),
            col(ValidateLedgerRows.DETAIL).as("detail"),
            QuarantineRecords.published(table, key, context.night()).as("record"),
            ParseContractColumns.quarantineRecord(table).as("raw_record"),
            QuarantineRecords.accountIds(table).as("account_ids"));
  }

  private Dataset<Row> quarantineTable(List<Dataset<Row>> parts) {
    Dataset<Row> all = null;
    for (Dataset<Row> part : parts) {
      all = all == null ? part : all.unionByName(part);
    }
    if (all == null) {
      all =
          context
              .spark()
              .createDataFrame(
                  List.of(),
                  QuarantineSchema.SCHEMA
                      .add("raw_record", DataTypes.StringType)
                      .add("account_ids", DataTypes.createArrayType(DataTypes.StringType)));
    }
    return all.withColumn("business_date", lit(context.night()));
  }

  private Path stagedTable(String table) {
    return context.warehouse().stagedTable(context.night(), table);
  }
}
