package io.giftpay.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * A folder of Parquet files Spark wrote (partition sub-folders included), read through the files'
 * footers on the driver. Spark answers the same questions with a job each: reading a folder without
 * a schema runs one to find it, and {@code count()} runs one to add up rows. On a small night those
 * jobs are a good part of the cost, and the footers already hold both answers.
 */
public final class ParquetFolder {
  /** Where Spark keeps a file's Spark SQL schema, as JSON, in the footer's key-value metadata. */
  static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

  private final SparkSession spark;
  private final Path dir;

  public ParquetFolder(SparkSession spark, Path dir) {
    this.spark = spark;
    this.dir = dir;
  }

  /**
   * The folder as a Dataset, its schema taken from the first file's footer (no Spark job); a folder
   * whose files carry no Spark schema is read the way Spark reads any other.
   */
  public Dataset<Row> read() {
    Optional<StructType> schema = sparkSchema();
    return schema.isPresent()
        ? spark.read().schema(schema.get()).parquet(dir.toString())
        : spark.read().parquet(dir.toString());
  }

  /** The rows of every file in the folder, from the row groups in their footers. */
  public long rows() {
    long rows = 0;
    for (Path file : dataFiles()) {
      rows += rows(footer(file));
    }
    return rows;
  }

  /** The rows a footer's row groups hold. */
  static long rows(ParquetMetadata footer) {
    long rows = 0;
    for (BlockMetaData rowGroup : footer.getBlocks()) {
      rows += rowGroup.getRowCount();
    }
    return rows;
  }

  /** The Spark SQL schema Spark wrote into the first data file's footer, if any. */
  Optional<StructType> sparkSchema() {
    List<Path> files = dataFiles();
    if (files.isEmpty()) {
      return Optional.empty();
    }
    String json =
        footer(files.get(0)).getFileMetaData().getKeyValueMetaData().get(SPARK_SCHEMA_KEY);
    if (json == null) {
      return Optional.empty();
    }
    // Only the data columns are in the file: partition columns come back from the folder names.
    DataType type = DataType.fromJson(json);
    return type instanceof StructType struct ? Optional.of(struct) : Optional.empty();
  }

  /**
   * The folder's Parquet files in name order, hidden and bookkeeping files ({@code _}, {@code .})
   * left out.
   */
  List<Path> dataFiles() {
    try {
      FileSystem fs = dir.getFileSystem(conf());
      List<Path> files = new ArrayList<>();
      collect(fs, dir, files);
      files.sort(Comparator.comparing(Path::toString));
      return files;
    } catch (FileNotFoundException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot list the Parquet folder " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void collect(FileSystem fs, Path folder, List<Path> files) throws IOException {
    for (FileStatus status : fs.listStatus(folder)) {
      String name = status.getPath().getName();
      if (name.startsWith("_") || name.startsWith(".")) {
        continue;
      }
      if (status.isDirectory()) {
        collect(fs, status.getPath(), files);
      } else if (name.endsWith(".parquet")) {
        files.add(status.getPath());
      }
    }
  }

  private ParquetMetadata footer(Path file) {
    try {
      return footer(file, conf());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the Parquet footer of " + file + ": " + e.getMessage(), e);
    }
  }

  /** A Parquet file's footer, read with {@link #readOptions}. */
  static ParquetMetadata footer(Path file, Configuration conf) throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromPath(file, conf), readOptions(conf))) {
      return reader.getFooter();
    }
  }

  /**
   * Read options from the session's Hadoop configuration. Parquet's own default builds a new
   * Configuration per file, which parses Hadoop's default XML files from their jars again: on a
   * small night that was a twentieth of the driver's time.
   */
  static ParquetReadOptions readOptions(Configuration conf) {
    return HadoopReadOptions.builder(conf).build();
  }

  private Configuration conf() {
    return spark.sparkContext().hadoopConfiguration();
  }
}
