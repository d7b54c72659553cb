package io.giftpay.warehouse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * File operations on the warehouse through Hadoop's FileSystem, so the same code serves a local
 * folder, HDFS or an object store. Renames within one file system are how partitions become visible
 * at once.
 */
public final class WarehouseFiles {
  private final FileSystem fs;

  public WarehouseFiles(Path root, Configuration hadoopConf) {
    try {
      FileSystem opened = root.getFileSystem(hadoopConf);
      // The local file system's checksum layer hides and drags along .crc files; Giftpay's
      // output is Parquet, which checks itself, so work on the raw file system.
      this.fs =
          opened instanceof ChecksumFileSystem checksummed
              ? checksummed.getRawFileSystem()
              : opened;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the warehouse file system of " + root, e);
    }
  }

  public boolean exists(Path path) {
    try {
      return fs.exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  public void delete(Path path) {
    try {
      if (fs.exists(path) && !fs.delete(path, true)) {
        throw new IOException("delete returned false");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + path, e);
    }
  }

  /** Moves {@code from} to {@code to}, replacing {@code to}; parents are created. */
  public void replace(Path from, Path to) {
    try {
      delete(to);
      fs.mkdirs(to.getParent());
      KillPoints.reach("replace");
      if (!fs.rename(from, to)) {
        throw new IOException("rename returned false");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot move " + from + " to " + to, e);
    }
  }

  /** Subfolders of {@code dir} whose names start with {@code prefix}, sorted by name. */
  public List<Path> subfolders(Path dir, String prefix) {
    List<Path> result = new ArrayList<>();
    try {
      if (!fs.exists(dir)) {
        return result;
      }
      FileStatus[] statuses = fs.listStatus(dir);
      Arrays.sort(statuses, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
      for (FileStatus status : statuses) {
        if (status.isDirectory() && status.getPath().getName().startsWith(prefix)) {
          result.add(status.getPath());
        }
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }

  /** Files of {@code dir} (not folders), sorted by name. */
  public List<Path> files(Path dir) {
    List<Path> result = new ArrayList<>();
    try {
      if (!fs.exists(dir)) {
        return result;
      }
      FileStatus[] statuses = fs.listStatus(dir);
      Arrays.sort(statuses, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
      for (FileStatus status : statuses) {
        if (status.isFile()) {
          result.add(status.getPath());
        }
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }

  /**
   * Gives the Parquet files Spark wrote under {@code dir} stable names ({@code part-00000.parquet},
   * ...) and canonical footers, and removes its bookkeeping files, so the same data always makes
   * the same files.
   */
  public void normaliseSparkOutput(Path dir) {
    try {
      for (Path sub : subfolders(dir, "")) {
        normaliseSparkOutput(sub);
      }
      int part = 0;
      for (Path file : files(dir)) {
        String name = file.getName();
        if (name.startsWith(".") || name.startsWith("_")) {
          fs.delete(file, false);
        } else if (name.endsWith(".parquet")) {
          Path target = new Path(dir, String.format("part-%05d.parquet", part++));
          if (!file.equals(target) && !fs.rename(file, target)) {
            throw new IOException("rename returned false for " + file);
          }
          KillPoints.reach("tidy-file");
          ParquetFooters.canonicalise(fs, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot tidy " + dir, e);
    }
  }

  /** Writes a small text file atomically: to a hidden temporary name, then renamed. */
  public void writeText(Path path, String text) {
    Path temp = new Path(path.getParent(), "." + path.getName() + ".tmp");
    try {
      fs.mkdirs(path.getParent());
      try (OutputStream out = fs.create(temp, true)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      KillPoints.reach("write-text");
      delete(path);
      if (!fs.rename(temp, path)) {
        throw new IOException("rename returned false");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path, e);
    }
  }

  public Optional<String> readText(Path path) {
    try {
      if (!fs.exists(path)) {
        return Optional.empty();
      }
      try (FSDataInputStream in = fs.open(path)) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }
}
