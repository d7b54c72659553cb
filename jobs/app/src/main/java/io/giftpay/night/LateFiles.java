package io.giftpay.night;

import io.giftpay.config.GiftpayConfig;
import io.giftpay.ledger.LedgerTable;
import io.giftpay.warehouse.LedgerLayout.LedgerFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;

/**
 * Files that land in an event partition after its night ran. Each night keeps the names of the
 * files it read ({@code _giftpay/ingest/files_read/dt=D/<table>.txt}, published with the night), so
 * a later night sees a file in {@code dt=E} that no night read and takes its rows as late events:
 * validated as tonight's rows, each {@code event_id} still counted once across history, and counted
 * in {@code night_counts.late_rows}. Partitions up to {@code giftpay.ingest.late-file-nights} back
 * are looked at, and only those of nights this warehouse ran (a warehouse's first night does not
 * reach behind its own start).
 */
final class LateFiles {
  static final String NAME = "files_read";
  static final String AREA = "ingest";

  private final NightContext context;

  LateFiles(NightContext context) {
    this.context = context;
  }

  /**
   * The files of earlier partitions of {@code table} that no night has read, oldest partition
   * first.
   */
  List<LedgerFile> find(LedgerTable table) {
    int nights =
        context
            .config()
            .getInt(GiftpayConfig.LATE_FILE_NIGHTS, GiftpayConfig.LATE_FILE_NIGHTS_DEFAULT);
    List<LedgerFile> late = new ArrayList<>();
    LocalDate night = context.night();
    for (LocalDate earlier = night.minusDays(nights);
        earlier.isBefore(night);
        earlier = earlier.plusDays(1)) {
      Path partition = context.ledger().partition(table, earlier);
      if (!keptManifest(table, earlier).isPresent() || !context.ledger().exists(partition)) {
        continue;
      }
      Set<String> read = readSince(table, earlier);
      for (LedgerFile file : context.ledger().files(partition)) {
        if (!read.contains(context.ledger().relativeName(file.path()))) {
          late.add(file);
        }
      }
    }
    return late;
  }

  /**
   * Stages tonight's list of files read for {@code table}: published with the night, read by later
   * nights.
   */
  void recordRead(LedgerTable table, List<LedgerFile> files) {
    StringBuilder text = new StringBuilder();
    for (LedgerFile file : files) {
      text.append(context.ledger().relativeName(file.path())).append('\n');
    }
    context
        .files()
        .writeText(
            new Path(context.warehouse().stagedKept(context.night(), AREA, NAME), fileName(table)),
            text.toString());
  }

  /**
   * The names of files any night from {@code partitionNight} to last night read (late files are
   * read by later nights).
   */
  private Set<String> readSince(LedgerTable table, LocalDate partitionNight) {
    Set<String> read = new HashSet<>();
    for (LocalDate n = partitionNight; n.isBefore(context.night()); n = n.plusDays(1)) {
      keptManifest(table, n)
          .ifPresent(text -> text.lines().filter(line -> !line.isBlank()).forEach(read::add));
    }
    return read;
  }

  private java.util.Optional<String> keptManifest(LedgerTable table, LocalDate night) {
    return context
        .files()
        .readText(new Path(context.warehouse().kept(AREA, NAME, night), fileName(table)));
  }

  private static String fileName(LedgerTable table) {
    return table.tableName() + ".txt";
  }
}
