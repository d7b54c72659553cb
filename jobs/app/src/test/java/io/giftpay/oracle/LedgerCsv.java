package io.giftpay.oracle;

import io.giftpay.sample.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a CSV ledger laid out as the contract says ({@code <ledger>/<table>/dt=YYYY-MM-DD/*.csv},
 * header row, columns in any order, empty field = null) into rows keyed by column name.
 */
public final class LedgerCsv {
  private final Path ledger;

  public LedgerCsv(Path ledger) {
    this.ledger = ledger;
  }

  public Path partition(String table, LocalDate dt) {
    return ledger.resolve(table).resolve("dt=" + dt);
  }

  /** Every row of every CSV file of one partition, files in name order, rows in file order. */
  public List<Map<String, String>> rows(String table, LocalDate dt) {
    Path dir = partition(table, dt);
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("The oracle expected partition " + dir);
    }
    List<Map<String, String>> out = new ArrayList<>();
    for (Path file : list(dir)) {
      if (file.getFileName().toString().endsWith(".parquet")) {
        throw new IllegalStateException("The oracle reads CSV ledgers only, found " + file);
      }
      if (file.getFileName().toString().endsWith(".csv")) {
        out.addAll(read(file));
      }
    }
    return out;
  }

  /** The newest partition of a snapshot table at or before D (contract section 2). */
  public Optional<LocalDate> snapshotAsOf(String table, LocalDate night) {
    Path dir = ledger.resolve(table);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    return list(dir).stream()
        .map(p -> p.getFileName().toString())
        .filter(n -> n.startsWith("dt="))
        .map(n -> LocalDate.parse(n.substring(3)))
        .filter(d -> !d.isAfter(night))
        .max(LocalDate::compareTo);
  }

  /** A whole RFC 4180 file, header row first, as one map per data row; "" becomes null. */
  public static List<Map<String, String>> read(Path file) {
    List<List<String>> raw;
    try {
      raw = Csv.read(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (raw.isEmpty()) {
      return List.of();
    }
    List<String> header = raw.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> fields : raw.subList(1, raw.size())) {
      if (fields.size() == 1 && fields.get(0).isEmpty()) {
        continue; // a blank line
      }
      if (fields.size() != header.size()) {
        throw new IllegalStateException(
            file
                + ": a row has "
                + fields.size()
                + " fields, the header "
                + header.size()
                + ": "
                + fields);
      }
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String v = fields.get(i);
        row.put(header.get(i), v.isEmpty() ? null : v);
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
