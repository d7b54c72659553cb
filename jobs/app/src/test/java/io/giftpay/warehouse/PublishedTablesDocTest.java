package io.giftpay.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.warehouse.PublishedTables.Column;
import io.giftpay.warehouse.PublishedTables.PublishedTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/tables.md is exactly what {@link TablesDoc} renders from the registry, and the registry
 * obeys the contract.
 */
class PublishedTablesDocTest {
  private static final Path DOC = Path.of("../../docs/tables.md");

  /**
   * Set by the regenerate command ({@link TablesDoc#REGENERATE}): writes the file instead of
   * failing.
   */
  private static final String WRITE_PROPERTY = "giftpay.tables-doc.write";

  @Test
  void docsTablesMdEqualsTheRegistryByteForByte() throws IOException {
    String rendered = TablesDoc.markdown();
    if (Boolean.getBoolean(WRITE_PROPERTY)) {
      Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
    }
    String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
    assertEquals(
        rendered,
        committed,
        "docs/tables.md differs from PublishedTables. Regenerate it from the repository root with:\n  "
            + TablesDoc.REGENERATE
            + "\n");
  }

  @Test
  void everyTableAndColumnIsDescribedOnce() {
    List<String> problems = new ArrayList<>();
    Set<String> tables = new HashSet<>();
    for (PublishedTable table : PublishedTables.ALL) {
      if (!tables.add(table.name())) {
        problems.add("table " + table.name() + " is listed twice");
      }
      Set<String> columns = new HashSet<>();
      for (Column c : table.columns()) {
        if (!columns.add(c.name())) {
          problems.add(table.name() + "." + c.name() + " is listed twice");
        }
        if (c.description().isBlank()) {
          problems.add(table.name() + "." + c.name() + " has no description");
        }
      }
      if (table.sortOrder().isEmpty()) {
        problems.add(table.name() + " has no sort order");
      }
      if (columns.contains(PublishedTables.PARTITION_COLUMN)) {
        problems.add(table.name() + " has a column named like the partition column dt");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void noTableHoldsAnIdentifierTheContractForbids() {
    Set<String> forbidden = Set.of("payment_fingerprint", "device_id", "birth_date");
    List<String> found = new ArrayList<>();
    PublishedTables.ALL.forEach(
        t ->
            t.columnNames().stream()
                .filter(forbidden::contains)
                .forEach(c -> found.add(t.name() + "." + c)));
    assertTrue(found.isEmpty(), "contract section 5 forbids these published columns: " + found);
    assertTrue(TablesDoc.markdown().contains(PublishedTables.PRIVACY_RULE));
  }

  @Test
  void payoutsArePublishedLast() {
    assertEquals("payouts", PublishedTables.names().get(PublishedTables.names().size() - 1));
  }

  @Test
  void contractMinimumColumnsArePresent() {
    // Contract section 5, "must contain at least"; pending_diamonds (policy v2) is not built yet.
    List<String> missing = new ArrayList<>();
    require(
        "payouts",
        List.of(
            "payout_id",
            "creator_id",
            "diamonds",
            "amount_usd",
            "currency",
            "amount",
            "fx_rate",
            "payout_method"),
        missing);
    require(
        "creator_balances",
        List.of(
            "creator_id",
            "credited_diamonds",
            "available_diamonds",
            "held_diamonds",
            "paid_diamonds",
            "forfeited_diamonds",
            "status"),
        missing);
    require(
        "flags",
        List.of("account_id", "role", "source", "severity", "action", "score", "evidence"),
        missing);
    require("quarantine", List.of("source_table", "source_file", "record", "reason"), missing);
    require(
        "reviews",
        List.of(
            "account_id",
            "decision",
            "reviewer",
            "reason",
            "decided_at",
            "diamonds_released",
            "diamonds_forfeited"),
        missing);
    require(
        "creator_income",
        List.of(
            "creator_id",
            "usd_30d",
            "gifters_30d",
            "top_gifter_share",
            "top5_share",
            "concentration",
            "band"),
        missing);
    assertTrue(
        missing.isEmpty(), "columns the contract requires but the registry lacks: " + missing);
  }

  private static void require(String table, List<String> columns, List<String> missing) {
    List<String> have = PublishedTables.get(table).columnNames();
    columns.stream().filter(c -> !have.contains(c)).forEach(c -> missing.add(table + "." + c));
  }
}
