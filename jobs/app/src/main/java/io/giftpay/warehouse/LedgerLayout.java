package io.giftpay.warehouse;

import io.giftpay.ledger.LedgerTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Finds the ledger's partitions and files as upstream lands them (contract, section 2). */
public final class LedgerLayout {
  private final Path root;
  private final FileSystem fs;

  public LedgerLayout(Path root, Configuration hadoopConf) {
    this.root = root;
    try {
      this.fs = root.getFileSystem(hadoopConf);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the ledger file system of " + root, e);
    }
  }

  public Path root() {
    return root;
  }

  public Path partition(LedgerTable table, LocalDate day) {
    return new Path(new Path(root, table.tableName()), "dt=" + day);
  }

  public boolean exists(Path path) {
    try {
      return fs.exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  /** The newest snapshot partition at or before D, if any. */
  public Optional<LocalDate> snapshotAsOf(LedgerTable table, LocalDate day) {
    Path tableDir = new Path(root, table.tableName());
    return partitionDates(tableDir).stream().filter(d -> !d.isAfter(day)).max(LocalDate::compareTo);
  }

  /**
   * Bytes of the data files in night D's event partitions (absent partitions count 0): how big the
   * night is.
   */
  public long eventBytes(LocalDate night) {
    long bytes = 0;
    for (LedgerTable table : LedgerTable.eventTables()) {
      Path partition = partition(table, night);
      if (!exists(partition)) {
        continue;
      }
      for (LedgerFile file : files(partition)) {
        try {
          bytes += fs.getFileStatus(file.path()).getLen();
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read " + file.path(), e);
        }
      }
    }
    return bytes;
  }

  /**
   * The data files of a partition, sorted by name. Hidden files ({@code .} or {@code _}: upstream's
   * markers and temporaries) and zero-byte files (no rows to read) are skipped; a file of any other
   * kind than {@code .parquet} or {@code .csv} stops the night, since its rows could not be read
   * and would be lost without a word.
   */
  public List<LedgerFile> files(Path partition) {
    List<LedgerFile> files = new ArrayList<>();
    for (FileStatus status : dataFileStatuses(partition)) {
      if (status.getLen() == 0) {
        continue;
      }
      String name = status.getPath().getName();
      LedgerFile.Format format =
          LedgerFile.Format.of(name)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Invalid ledger file "
                              + status.getPath()
                              + ": neither .parquet nor .csv, so its rows cannot be read; the night"
                              + " stops, nothing is published (land it as Parquet or CSV, or move it out of "
                              + partition
                              + ")"));
      files.add(new LedgerFile(status.getPath(), format));
    }
    return files;
  }

  /**
   * The partition's zero-byte files, which hold no rows and are not read (their names, for the
   * night's progress).
   */
  public List<Path> emptyFiles(Path partition) {
    return dataFileStatuses(partition).stream()
        .filter(s -> s.getLen() == 0)
        .map(FileStatus::getPath)
        .toList();
  }

  private List<FileStatus> dataFileStatuses(Path partition) {
    try {
      List<FileStatus> files = new ArrayList<>();
      FileStatus[] statuses = fs.listStatus(partition);
      Arrays.sort(statuses, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
      for (FileStatus status : statuses) {
        String name = status.getPath().getName();
        if (status.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
          files.add(status);
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + partition, e);
    }
  }

  private List<LocalDate> partitionDates(Path tableDir) {
    List<LocalDate> dates = new ArrayList<>();
    try {
      if (!fs.exists(tableDir)) {
        return dates;
      }
      for (FileStatus status : fs.listStatus(tableDir)) {
        String name = status.getPath().getName();
        if (status.isDirectory() && name.startsWith("dt=")) {
          try {
            dates.add(LocalDate.parse(name.substring(3)));
          } catch (DateTimeParseException e) {
            // Not a partition of the contract's form; upstream's stray folder, not ours to read.
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + tableDir, e);
    }
    return dates;
  }

  /**
   * A file's path below the ledger root, e.g. {@code gifts/dt=2026-11-01/a.csv}: how quarantine and
   * the night name it.
   */
  public String relativeName(Path file) {
    String rootPath = root().toUri().getPath();
    String path = file.toUri().getPath();
    String prefix = rootPath.endsWith("/") ? rootPath : rootPath + "/";
    return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
  }

  /** One landed file and how to read it. */
  public record LedgerFile(Path path, Format format) {
    public enum Format {
      PARQUET,
      CSV;

      static Optional<Format> of(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".parquet")) {
          return Optional.of(PARQUET);
        }
        if (lower.endsWith(".csv")) {
          return Optional.of(CSV);
        }
        return Optional.empty();
      }
    }
  }
}
