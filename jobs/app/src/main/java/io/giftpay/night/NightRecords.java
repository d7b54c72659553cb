package io.giftpay.night;

import io.giftpay.warehouse.WarehouseFiles;
import io.giftpay.warehouse.WarehouseLayout;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/**
 * The warehouse's own record of which nights are published: one JSON file per night, written last
 * by the publish step. It decides what "completed" means, so a night is refused when its
 * predecessor is missing, and a completed night is never run twice.
 */
public final class NightRecords {
  private final WarehouseLayout layout;
  private final WarehouseFiles files;

  public NightRecords(WarehouseLayout layout, WarehouseFiles files) {
    this.layout = layout;
    this.files = files;
  }

  public boolean isCompleted(LocalDate night) {
    return files.exists(layout.nightRecord(night));
  }

  public List<LocalDate> completed() {
    return files.files(layout.nightRecords()).stream()
        .map(Path::getName)
        .filter(name -> name.startsWith("dt=") && name.endsWith(".json"))
        .map(name -> LocalDate.parse(name.substring(3, name.length() - 5)))
        .sorted()
        .toList();
  }

  /** The newest completed night before D: whose balances night D carries forward. */
  public Optional<LocalDate> previous(LocalDate night) {
    return completed().stream().filter(d -> d.isBefore(night)).max(LocalDate::compareTo);
  }

  /**
   * Nights run in order: D may run when the warehouse is new or night D-1 is completed.
   *
   * @throws NightFailure naming the night to run first
   */
  public void requireRunnable(LocalDate night) {
    List<LocalDate> done = completed();
    if (done.isEmpty()) {
      return;
    }
    LocalDate first = done.get(0);
    if (night.isBefore(first)) {
      throw new NightFailure(
          "Night "
              + night
              + " is before this warehouse's first night "
              + first
              + "; nights run in order");
    }
    LocalDate before = night.minusDays(1);
    if (!done.contains(before)) {
      LocalDate last = done.get(done.size() - 1);
      throw new NightFailure(
          "Night "
              + night
              + " cannot run: the previous night "
              + before
              + " has not completed (last completed: "
              + last
              + "); run "
              + last.plusDays(1)
              + " first");
    }
  }

  public Optional<String> read(LocalDate night) {
    return files.readText(layout.nightRecord(night));
  }

  public void write(LocalDate night, String json) {
    files.writeText(layout.nightRecord(night), json);
  }
}
