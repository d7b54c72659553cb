package io.giftpay.night;

import io.giftpay.ledger.LedgerTable;
import io.giftpay.report.CaseSource;
import io.giftpay.report.NightReportReader;
import io.giftpay.report.NightReportWriter;
import io.giftpay.warehouse.PublishedTables;
import io.giftpay.warehouse.WarehouseLayout;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * Step 7: makes the night visible. Each staged table folder is renamed into {@code <table>/dt=D}
 * (one atomic rename per table), tonight's accepted events join the kept history, and the night's
 * record is written last: it is what marks the night completed. Safe to run again after a crash: a
 * table already moved has nothing left in staging.
 */
public final class PublishNight {
  public static final String STEP = "publish";

  /** Published tables, smallest first; payouts last so a half-published night shows no money. */
  static final List<String> TABLES = PublishedTables.names();

  private final NightContext context;

  public PublishNight(NightContext context) {
    this.context = context;
  }

  public void run() {
    WarehouseLayout layout = context.warehouse();
    String summary =
        context
            .files()
            .readText(layout.work(context.night(), CheckNight.SUMMARY))
            .orElseThrow(
                () ->
                    new NightFailure(
                        "Night "
                            + context.night()
                            + " has no checked summary; its check step did not finish"));
    List<String> published = new ArrayList<>();
    for (String table : TABLES) {
      Path staged = layout.stagedTable(context.night(), table);
      if (context.files().exists(staged)) {
        context.files().replace(staged, layout.published(table, context.night()));
      }
      // A resumed publish finds a table already moved: it is published all the same.
      if (context.files().exists(layout.published(table, context.night()))) {
        published.add(table);
      }
    }
    for (LedgerTable table : LedgerTable.eventTables()) {
      keepAcceptedEvents(table);
    }
    new KeptSnapshots(context).keepTonightsCopies();
    DetectNight.keptAreas()
        .forEach(
            (name, area) -> {
              Path staged = layout.stagedKept(context.night(), area, name);
              if (context.files().exists(staged)) {
                context.files().replace(staged, layout.kept(area, name, context.night()));
              }
            });
    // The report reads the published tables and the kept case book, so it comes after both and
    // before the record.
    new NightReportWriter(layout, context.files())
        .write(
            new NightReportReader(context.spark(), layout, context.files(), context.policy())
                .read(
                    context.night(),
                    CaseSource.caseBook(context.policy())
                        .cases(context.spark(), layout, context.night())));
    RestrictedQuarantine.ownerOnlyAfterPublish(context);
    new NightRecords(layout, context.files()).write(context.night(), summary);
    context.files().delete(layout.staging(context.night()));
    context
        .progress()
        .line("[%s] %s published under %s", STEP, String.join(", ", published), layout.root());
  }

  /** {@code staged/event_date=E/} becomes {@code events/<table>/event_date=E/night=D/}. */
  private void keepAcceptedEvents(LedgerTable table) {
    Path staged = context.warehouse().stagedEvents(context.night(), table.tableName());
    Path kept = context.warehouse().acceptedEvents(table.tableName());
    for (Path dateDir : context.files().subfolders(staged, AcceptedEvents.EVENT_DATE + "=")) {
      Path target =
          new Path(new Path(kept, dateDir.getName()), AcceptedEvents.NIGHT + "=" + context.night());
      context.files().replace(dateDir, target);
    }
  }
}
