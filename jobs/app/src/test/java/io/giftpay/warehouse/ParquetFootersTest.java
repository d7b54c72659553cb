package io.giftpay.warehouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A footer made canonical without the file in memory: data pages byte for byte, encodings sorted.
 */
class ParquetFootersTest {
  private static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(
          "message t { optional binary name (STRING); optional int64 n; }");
  private static final int ROWS = 200_000;

  @TempDir Path dir;

  @Test
  void aShuffledFooterIsRewrittenToTheCanonicalOneAndTheDataPagesAreKept() throws IOException {
    Path written = parquet(dir.resolve("written.parquet"));
    Path shuffled = dir.resolve("shuffled.parquet");
    withFooter(
        written,
        shuffled,
        footer ->
            forEachChunk(
                footer,
                meta -> {
                  Collections.reverse(meta.getEncodings());
                  if (meta.isSetEncoding_stats()) {
                    Collections.reverse(meta.getEncoding_stats());
                  }
                }));
    byte[] before = Files.readAllBytes(shuffled);
    assertTrue(
        before.length > 4 * ParquetFooters.COPY_BUFFER_BYTES,
        "the data part spans many copy buffers: " + before.length);
    assertTrue(
        anyUnsorted(footerOf(before)),
        "the test needs a footer out of order: " + footerOf(before).getRow_groups());

    ParquetFooters.canonicalise(fs(), hadoop(shuffled));
    ParquetFooters.canonicalise(fs(), hadoop(written));

    byte[] after = Files.readAllBytes(shuffled);
    assertArrayEquals(inMemory(before), after, "the bytes the whole-file rewrite gave");
    assertArrayEquals(
        Files.readAllBytes(written),
        after,
        "the same rows, the same bytes, whatever order the footer came in");
    int dataEnd = before.length - 8 - footerLength(before);
    assertArrayEquals(
        Arrays.copyOfRange(before, 0, dataEnd),
        Arrays.copyOfRange(after, 0, dataEnd),
        "data pages untouched");
    FileMetaData footer = footerOf(after);
    forEachChunk(
        footer,
        meta -> {
          List<Integer> values = meta.getEncodings().stream().map(Encoding::getValue).toList();
          assertEquals(values.stream().sorted().toList(), values);
        });
    assertEquals(
        ChunkEncodings.of(footerOf(before)),
        ChunkEncodings.of(footer),
        "the same encodings, only their order changed");
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromPath(hadoop(shuffled), new Configuration()))) {
      assertEquals(ROWS, reader.getRecordCount());
    }
    try (var listing = Files.list(dir)) {
      assertEquals(
          List.of("shuffled.parquet", "written.parquet"),
          listing.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary copy left behind");
    }
  }

  @Test
  void aCanonicalFileIsRewrittenToItself() throws IOException {
    Path file = parquet(dir.resolve("f.parquet"));
    ParquetFooters.canonicalise(fs(), hadoop(file));
    byte[] once = Files.readAllBytes(file);
    ParquetFooters.canonicalise(fs(), hadoop(file));
    assertArrayEquals(once, Files.readAllBytes(file));
  }

  @Test
  void aFileWithoutAFooterIsRefusedAndLeftAsItWas() throws IOException {
    Path file = parquet(dir.resolve("f.parquet"));
    byte[] whole = Files.readAllBytes(file);
    Path torn = dir.resolve("torn.parquet");
    Files.write(torn, Arrays.copyOf(whole, whole.length / 2));
    IOException e =
        assertThrows(IOException.class, () -> ParquetFooters.canonicalise(fs(), hadoop(torn)));
    assertTrue(
        e.getMessage().contains("Not a Parquet file") && e.getMessage().contains("torn.parquet"),
        e.getMessage());
    assertArrayEquals(Arrays.copyOf(whole, whole.length / 2), Files.readAllBytes(torn));

    Path tiny = dir.resolve("tiny.parquet");
    Files.write(tiny, new byte[] {'P', 'A', 'R', '1'});
    assertThrows(IOException.class, () -> ParquetFooters.canonicalise(fs(), hadoop(tiny)));

    Path badLength = dir.resolve("bad-length.parquet");
    byte[] lying = whole.clone();
    ByteBuffer.wrap(lying, lying.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(whole.length);
    Files.write(badLength, lying);
    IOException e2 =
        assertThrows(IOException.class, () -> ParquetFooters.canonicalise(fs(), hadoop(badLength)));
    assertTrue(e2.getMessage().contains("footer length"), e2.getMessage());
  }

  /** The encodings of every chunk, in a canonical order, to compare two footers' contents. */
  private record ChunkEncodings(List<List<Integer>> encodings) {
    static ChunkEncodings of(FileMetaData footer) {
      List<List<Integer>> all = new ArrayList<>();
      forEachChunk(
          footer,
          meta -> all.add(meta.getEncodings().stream().map(Encoding::getValue).sorted().toList()));
      return new ChunkEncodings(all);
    }
  }

  private static boolean anyUnsorted(FileMetaData footer) {
    List<Boolean> unsorted = new ArrayList<>();
    forEachChunk(
        footer,
        meta -> {
          List<Integer> values = meta.getEncodings().stream().map(Encoding::getValue).toList();
          unsorted.add(!values.equals(values.stream().sorted().toList()));
        });
    return unsorted.contains(true);
  }

  private static Path parquet(Path file) throws IOException {
    SimpleGroupFactory rows = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withType(SCHEMA)
            .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
            .withDictionaryEncoding(true)
            .build()) {
      for (int i = 0; i < ROWS; i++) {
        // few names (a dictionary) and many numbers (plain after the dictionary fills): several
        // encodings a chunk
        writer.write(
            rows.newGroup().append("name", "name-" + (i % 7)).append("n", (long) i * 7919L));
      }
    }
    return file;
  }

  /** Copies {@code from} to {@code to} with its footer changed by {@code change}. */
  private static void withFooter(
      Path from, Path to, java.util.function.Consumer<FileMetaData> change) throws IOException {
    byte[] bytes = Files.readAllBytes(from);
    FileMetaData footer = footerOf(bytes);
    change.accept(footer);
    ByteArrayOutputStream footerBytes = new ByteArrayOutputStream();
    Util.writeFileMetaData(footer, footerBytes);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, bytes.length - 8 - footerLength(bytes));
    out.write(footerBytes.toByteArray());
    out.write(
        ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footerBytes.size()).array());
    out.write(new byte[] {'P', 'A', 'R', '1'});
    Files.write(to, out.toByteArray());
  }

  /** The rewrite as it was done before, with the whole file in memory. */
  private static byte[] inMemory(byte[] file) throws IOException {
    FileMetaData footer = footerOf(file);
    ParquetFooters.sortEncodings(footer);
    ByteArrayOutputStream footerBytes = new ByteArrayOutputStream();
    Util.writeFileMetaData(footer, footerBytes);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(file, 0, file.length - 8 - footerLength(file));
    out.write(footerBytes.toByteArray());
    out.write(
        ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footerBytes.size()).array());
    out.write(new byte[] {'P', 'A', 'R', '1'});
    return out.toByteArray();
  }

  private static int footerLength(byte[] file) {
    return ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  private static FileMetaData footerOf(byte[] file) throws IOException {
    int length = footerLength(file);
    return Util.readFileMetaData(new ByteArrayInputStream(file, file.length - 8 - length, length));
  }

  private static void forEachChunk(
      FileMetaData footer, java.util.function.Consumer<ColumnMetaData> action) {
    for (RowGroup group : footer.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        action.accept(chunk.getMeta_data());
      }
    }
  }

  private static FileSystem fs() throws IOException {
    RawLocalFileSystem fs = new RawLocalFileSystem();
    fs.initialize(java.net.URI.create("file:///"), new Configuration());
    return fs;
  }

  private static org.apache.hadoop.fs.Path hadoop(Path file) {
    return new org.apache.hadoop.fs.Path(file.toUri());
  }
}
