package io.giftpay.report;

import io.giftpay.warehouse.WarehouseFiles;
import io.giftpay.warehouse.WarehouseLayout;
import org.apache.hadoop.fs.Path;

/**
 * Writes the night report to {@code <warehouse>/reports/dt=D/index.html}: to a temporary file in
 * the same folder, then renamed, so a reader never sees half a page.
 */
public final class NightReportWriter {
  private final WarehouseLayout layout;
  private final WarehouseFiles files;

  public NightReportWriter(WarehouseLayout layout, WarehouseFiles files) {
    this.layout = layout;
    this.files = files;
  }

  /** Renders and writes the report; returns where it is. */
  public Path write(NightReport report) {
    Path target = layout.report(report.night());
    files.writeText(target, NightReportHtml.render(report));
    return target;
  }
}
