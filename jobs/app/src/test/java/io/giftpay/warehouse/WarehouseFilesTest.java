package io.giftpay.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.night.NightFailure;
import io.giftpay.night.NightRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseFilesTest {
  @TempDir Path root;

  private WarehouseLayout layout() {
    return new WarehouseLayout(new org.apache.hadoop.fs.Path(root.toString()));
  }

  private WarehouseFiles files() {
    return new WarehouseFiles(layout().root(), new Configuration());
  }

  @Test
  void nightsRunInOrderAndTheFirstNightIsFree() {
    NightRecords records = new NightRecords(layout(), files());
    records.requireRunnable(LocalDate.of(2026, 11, 5));
    records.write(LocalDate.of(2026, 11, 5), "{}");
    records.write(LocalDate.of(2026, 11, 6), "{}");
    assertEquals(
        List.of(LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 6)), records.completed());
    records.requireRunnable(LocalDate.of(2026, 11, 7));
    NightFailure gap =
        assertThrows(NightFailure.class, () -> records.requireRunnable(LocalDate.of(2026, 11, 9)));
    assertTrue(
        gap.getMessage().contains("previous night 2026-11-08 has not completed"), gap.getMessage());
    assertTrue(gap.getMessage().contains("run 2026-11-07 first"), gap.getMessage());
    NightFailure early =
        assertThrows(NightFailure.class, () -> records.requireRunnable(LocalDate.of(2026, 11, 1)));
    assertTrue(
        early.getMessage().contains("before this warehouse's first night 2026-11-05"),
        early.getMessage());
    assertEquals(
        LocalDate.of(2026, 11, 6), records.previous(LocalDate.of(2026, 11, 7)).orElseThrow());
    assertTrue(records.isCompleted(LocalDate.of(2026, 11, 6)));
  }

  @Test
  void replaceMovesAFolderOverAnOlderOneAndLeavesNoChecksums() throws Exception {
    Path staged = root.resolve("staging/t");
    Files.createDirectories(staged);
    Files.writeString(staged.resolve("part-00000.parquet"), "new");
    Path published = root.resolve("t/dt=2026-11-01");
    Files.createDirectories(published);
    Files.writeString(published.resolve("old.parquet"), "old");

    files()
        .replace(
            new org.apache.hadoop.fs.Path(staged.toString()),
            new org.apache.hadoop.fs.Path(published.toString()));

    assertTrue(Files.notExists(staged));
    try (var listing = Files.list(published)) {
      assertEquals(
          List.of("part-00000.parquet"), listing.map(p -> p.getFileName().toString()).toList());
    }
    files()
        .writeText(layout().nightRecord(LocalDate.of(2026, 11, 1)), "{\"night\":\"2026-11-01\"}");
    try (var listing = Files.list(root.resolve("_giftpay/nights"))) {
      assertEquals(
          List.of("dt=2026-11-01.json"),
          listing.map(p -> p.getFileName().toString()).toList(),
          "no .crc, no temp file");
    }
  }
}
