package io.giftpay.warehouse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Makes a Parquet file's footer canonical, through Hadoop's FileSystem. parquet-mr collects each
 * column's encodings in a HashSet of enums, whose order follows identity hash codes and so changes
 * from one JVM to the next: the same rows give different bytes. Sorting those lists (the data pages
 * are untouched) makes the same night produce the same file, byte for byte. The generator sorts its
 * own files the same way; production keeps its copy so it never calls the generator.
 *
 * <p>Only the footer is held in memory: the data pages are streamed to a temporary file beside the
 * original, the canonical footer is appended, and the temporary file replaces the original. A file
 * of any size is rewritten in a buffer's worth of memory.
 */
final class ParquetFooters {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  /** The copy buffer for the data pages. */
  static final int COPY_BUFFER_BYTES = 1 << 16;

  private ParquetFooters() {}

  static void canonicalise(FileSystem fs, Path file) throws IOException {
    long length = fs.getFileStatus(file).getLen();
    long footerStart;
    FileMetaData footer;
    try (FSDataInputStream in = fs.open(file)) {
      byte[] tail = new byte[8];
      if (length >= 12) {
        in.readFully(length - 8, tail);
      }
      if (length < 12 || !Arrays.equals(Arrays.copyOfRange(tail, 4, 8), MAGIC)) {
        throw new IOException("Not a Parquet file: " + file);
      }
      int footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      footerStart = length - 8 - footerLength;
      if (footerLength <= 0 || footerStart < MAGIC.length) {
        throw new IOException(
            "Not a Parquet file: "
                + file
                + " (footer length "
                + footerLength
                + " in a file of "
                + length
                + " bytes)");
      }
      byte[] footerBytes = new byte[footerLength];
      in.readFully(footerStart, footerBytes);
      footer = Util.readFileMetaData(new ByteArrayInputStream(footerBytes));
    }
    sortEncodings(footer);
    ByteArrayOutputStream newFooter = new ByteArrayOutputStream();
    Util.writeFileMetaData(footer, newFooter);
    byte[] footerBytes = newFooter.toByteArray();

    // A hidden name: Spark and the tidy-up treat names starting with '.' as not data.
    Path temp = new Path(file.getParent(), "." + file.getName() + ".footer.tmp");
    try (InputStream in = fs.open(file);
        OutputStream out = fs.create(temp, true)) {
      copy(in, out, footerStart, file);
      out.flush();
      // Killed here, the file being written has its data pages and no footer: a torn write (the
      // original is still whole; the step's rerun writes the folder again).
      KillPoints.reach("rewrite-footer");
      out.write(footerBytes);
      out.write(
          ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footerBytes.length).array());
      out.write(MAGIC);
    }
    // The local file system renames over a file; one that will not (HDFS) gets the old file removed
    // first.
    if (!fs.rename(temp, file) && !(fs.delete(file, false) && fs.rename(temp, file))) {
      throw new IOException(
          "Cannot replace " + file + " by its canonical copy " + temp + ": rename returned false");
    }
  }

  /** Copies the first {@code bytes} bytes of {@code in} to {@code out}, a buffer at a time. */
  private static void copy(InputStream in, OutputStream out, long bytes, Path file)
      throws IOException {
    byte[] buffer = new byte[COPY_BUFFER_BYTES];
    long left = bytes;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new EOFException(
            "Parquet file " + file + " ended " + left + " bytes before its footer");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  /**
   * Sorts every column chunk's encodings and encoding statistics: the parts parquet-mr leaves to
   * hash order.
   */
  static void sortEncodings(FileMetaData footer) {
    if (footer.getRow_groups() == null) {
      return;
    }
    for (RowGroup group : footer.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        ColumnMetaData meta = chunk.getMeta_data();
        if (meta.isSetEncodings()) {
          meta.getEncodings().sort(Comparator.comparingInt(Encoding::getValue));
        }
        if (meta.isSetEncoding_stats()) {
          meta.getEncoding_stats()
              .sort(
                  Comparator.comparingInt((PageEncodingStats s) -> s.getPage_type().getValue())
                      .thenComparingInt(s -> s.getEncoding().getValue()));
        }
      }
    }
  }
}
