package io.giftpay.sample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Makes a Parquet file's footer canonical, in place. parquet-mr collects each column chunk's
 * encodings in a HashSet of enums, whose order follows identity hash codes and so changes from one
 * JVM to the next: the same rows would give different bytes in another process. Sorting those lists
 * (data pages untouched) makes a re-run byte-identical. Only the footer is read and rewritten.
 */
public final class ParquetFooters {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private ParquetFooters() {}

  /**
   * Sorts every column chunk's encodings and encoding statistics: the only parts of a footer whose
   * order parquet-mr leaves to identity hash codes. (The nightly job keeps its own copy: production
   * code never calls the generator.)
   */
  static void sortEncodings(FileMetaData footer) {
    if (footer.getRow_groups() == null) {
      return;
    }
    for (RowGroup group : footer.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        ColumnMetaData meta = chunk.getMeta_data();
        if (meta.isSetEncodings()) {
          meta.getEncodings().sort(Comparator.comparingInt(e -> e.getValue()));
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

  static void canonicalise(Path file) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long length = ch.size();
      ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      ch.read(tail, length - 8);
      if (length < 12 || !Arrays.equals(Arrays.copyOfRange(tail.array(), 4, 8), MAGIC)) {
        throw new IOException("Not a Parquet file: " + file);
      }
      int footerLength = tail.getInt(0);
      long footerStart = length - 8 - footerLength;
      ByteBuffer footerBytes = ByteBuffer.allocate(footerLength);
      while (footerBytes.hasRemaining()) {
        if (ch.read(footerBytes, footerStart + footerBytes.position()) < 0) {
          throw new IOException("Truncated Parquet footer: " + file);
        }
      }
      FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(footerBytes.array()));
      sortEncodings(footer);
      ByteArrayOutputStream out = new ByteArrayOutputStream(footerLength);
      Util.writeFileMetaData(footer, out);
      byte[] canonical = out.toByteArray();
      ch.truncate(footerStart);
      ByteBuffer w = ByteBuffer.allocate(canonical.length + 8).order(ByteOrder.LITTLE_ENDIAN);
      w.put(canonical).putInt(canonical.length).put(MAGIC).flip();
      long pos = footerStart;
      while (w.hasRemaining()) {
        pos += ch.write(w, pos);
      }
    }
  }
}
