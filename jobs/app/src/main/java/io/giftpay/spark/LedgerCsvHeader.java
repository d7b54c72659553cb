package io.giftpay.spark;

import com.univocity.parsers.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.csv.CSVOptions;
import org.apache.spark.sql.catalyst.csv.UnivocityParser$;
import org.apache.spark.sql.execution.datasources.csv.CSVUtils$;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The columns a landed CSV file's header names, read on the driver the way Spark's multi-line CSV
 * source reads them (its tokenizer, the reader's options, its renaming of empty and repeated
 * names), as the text columns Spark would give the file with no schema. Spark finds them with a job
 * of its own per file; the header is one line of it.
 */
final class LedgerCsvHeader {
  private LedgerCsvHeader() {}

  static StructType schema(SparkSession spark, Path file, Map<String, String> readerOptions) {
    CSVOptions options =
        new CSVOptions(
            scala.collection.immutable.Map$.MODULE$.from(
                CollectionConverters.asScala(readerOptions)),
            true,
            spark.conf().get("spark.sql.session.timeZone"));
    boolean caseSensitive = Boolean.parseBoolean(spark.conf().get("spark.sql.caseSensitive"));
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    try (InputStream in = file.getFileSystem(conf).open(file)) {
      Iterator<String[]> records =
          UnivocityParser$.MODULE$.tokenizeStream(
              in, false, new CsvParser(options.asParserSettings()), options.charset());
      StructType schema = new StructType();
      if (!records.hasNext()) {
        return schema; // as Spark: a file with no record has no columns
      }
      for (String name : CSVUtils$.MODULE$.makeSafeHeader(records.next(), caseSensitive, options)) {
        schema = schema.add(name, DataTypes.StringType, true);
      }
      return schema;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the header of ledger file " + file + ": " + e.getMessage(), e);
    }
  }
}
