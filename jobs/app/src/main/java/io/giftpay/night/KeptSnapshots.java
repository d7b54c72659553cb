package io.giftpay.night;

import io.giftpay.ledger.LedgerTable;
import io.giftpay.warehouse.WarehouseFiles;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/**
 * Snapshots as checked and de-duplicated by ingest, kept per snapshot date so a snapshot is
 * validated once, on the night it lands, not again on every later night that reads it. A night
 * notes in its work folder which copy it used, so its later steps (and a resumed run) read exactly
 * that one.
 */
final class KeptSnapshots {
  private final NightContext context;

  KeptSnapshots(NightContext context) {
    this.context = context;
  }

  /** Where a snapshot of date {@code asOf} is kept once a night that validated it publishes. */
  Path kept(LedgerTable table, LocalDate asOf) {
    return new Path(
        new Path(new Path(context.warehouse().root(), "_giftpay/snapshots"), table.tableName()),
        "dt=" + asOf);
  }

  /** Tonight's own validated copy (a cache miss), moved to {@link #kept} at publish. */
  Path work(LedgerTable table) {
    return context.warehouse().work(context.night(), table.tableName());
  }

  Optional<Path> reusable(LedgerTable table, LocalDate asOf) {
    Path kept = kept(table, asOf);
    return asOf.isBefore(context.night()) && context.files().exists(kept)
        ? Optional.of(kept)
        : Optional.empty();
  }

  /** Records which copy tonight uses: the snapshot date (or "none") and the folder. */
  void use(LedgerTable table, String asOf, Path folder) {
    context.files().writeText(pointer(table), asOf + "\n" + folder + "\n");
  }

  Path used(LedgerTable table) {
    String[] lines = pointerText(table).split("\n");
    return new Path(lines[1]);
  }

  /** After publish: tonight's validated copy becomes the kept one for its snapshot date. */
  void keepTonightsCopies() {
    WarehouseFiles files = context.files();
    for (LedgerTable table : new LedgerTable[] {LedgerTable.ACCOUNTS, LedgerTable.FX_RATES}) {
      if (!files.exists(pointer(table))) {
        continue;
      }
      String asOf = pointerText(table).split("\n")[0];
      Path tonight = work(table);
      if (!asOf.equals("none") && files.exists(tonight)) {
        Path kept = kept(table, LocalDate.parse(asOf));
        if (!files.exists(kept)) {
          files.replace(tonight, kept);
        }
      }
    }
  }

  private Path pointer(LedgerTable table) {
    return context.warehouse().work(context.night(), table.tableName() + ".snapshot");
  }

  private String pointerText(LedgerTable table) {
    return context
        .files()
        .readText(pointer(table))
        .orElseThrow(
            () ->
                new NightFailure(
                    "Night "
                        + context.night()
                        + " has no "
                        + table.tableName()
                        + " snapshot noted; its ingest step did not finish"));
  }
}
