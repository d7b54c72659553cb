package io.giftpay.warehouse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
 * from one JVM to the next: the same rows give different bytes. Sorting those lists (the data
 * pages are untouched) makes the same night produce the same file, byte for byte. The generator
 * sorts its own files the same way; production keeps its copy so it never calls the generator.
 */
final class ParquetFooters {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private ParquetFooters() {}

  static void canonicalise(FileSystem fs, Path file) throws IOException {
    long length = fs.getFileStatus(file).getLen();
    byte[] bytes = new byte[Math.toIntExact(length)];
    try (FSDataInputStream in = fs.open(file)) {
      in.readFully(0, bytes);
    }
    if (length < 12 || !Arrays.equals(Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length), MAGIC)) {
      throw new IOException("Not a Parquet file: " + file);
    }
    int footerLength = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int footerStart = bytes.length - 8 - footerLength;
    FileMetaData footer;
    try (InputStream in = new ByteArrayInputStream(bytes, footerStart, footerLength)) {
      footer = Util.readFileMetaData(in);
    }
    sortEncodings(footer);
    ByteArrayOutputStream newFooter = new ByteArrayOutputStream(footerLength);
    Util.writeFileMetaData(footer, newFooter);
    byte[] footerBytes = newFooter.toByteArray();
    try (OutputStream out = fs.create(file, true)) {
      out.write(bytes, 0, footerStart);
      out.flush();
      // Killed here, the file on disk has its data pages and no footer: a torn write.
      KillPoints.reach("rewrite-footer");
      out.write(footerBytes);
      out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footerBytes.length).array());
      out.write(MAGIC);
    }
  }

  /** Sorts every column chunk's encodings and encoding statistics: the parts parquet-mr leaves to hash order. */
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
          meta.getEncoding_stats().sort(Comparator.comparingInt((PageEncodingStats s) -> s.getPage_type().getValue())
              .thenComparingInt(s -> s.getEncoding().getValue()));
        }
      }
    }
  }
}
