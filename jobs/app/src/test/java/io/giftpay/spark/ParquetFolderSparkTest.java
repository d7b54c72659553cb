package io.giftpay.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder Spark wrote, its rows and schema read from the footers, without a Spark job. */
class ParquetFolderSparkTest extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void rowsAreTheFootersRowCountsOverEveryFileAndPartitionFolder() throws Exception {
    Path dir = tmp.resolve("events");
    Dataset<Row> rows = spark.range(0, 1_000).withColumn("day", col("id").mod(3)).repartition(4);
    rows.write().partitionBy("day").parquet(dir.toString());
    assertTrue(
        Files.exists(dir.resolve("_SUCCESS")),
        "Spark's bookkeeping file is there and is not a data file");

    ParquetFolder folder = folder(dir);
    assertTrue(
        folder.dataFiles().size() >= 3,
        "several files in several partition folders: " + folder.dataFiles());
    int jobsBefore = jobsSoFar();
    assertEquals(1_000, folder.rows());
    assertEquals(jobsBefore, jobsSoFar(), "no Spark job counts the rows");
  }

  @Test
  void aFolderReadsBackWithTheSchemaSparkWroteAndTheSameRowsWithoutASchemaJob() throws Exception {
    Path dir = tmp.resolve("work");
    Dataset<Row> rows =
        spark.sql(
            "SELECT id, CAST(id AS DECIMAL(18, 2)) AS amount, CAST(id AS STRING) AS name,"
                + " named_struct('a', id, 'b', array(id)) AS nested FROM range(5)");
    rows.write().mode(SaveMode.Overwrite).parquet(dir.toString());

    int jobsBefore = jobsSoFar();
    Dataset<Row> read = folder(dir).read();
    assertEquals(jobsBefore, jobsSoFar(), "the schema comes from the footer, not from a Spark job");
    Dataset<Row> inferred = spark.read().parquet(dir.toString());
    assertEquals(
        inferred.schema(),
        read.schema(),
        "the same schema Spark's own reading finds, nullability included");
    assertEquals(inferred.orderBy("id").collectAsList(), read.orderBy("id").collectAsList());
  }

  @Test
  void aMissingOrEmptyFolderHasNoRowsAndReadsLikeSpark() throws Exception {
    assertEquals(0, folder(tmp.resolve("missing")).rows());
    Path empty = tmp.resolve("empty");
    spark.range(0).write().parquet(empty.toString());
    assertEquals(0, folder(empty).rows());
    assertEquals(spark.read().parquet(empty.toString()).schema(), folder(empty).read().schema());
    Path foreign = Files.createDirectories(tmp.resolve("foreign"));
    assertFalse(folder(foreign).sparkSchema().isPresent(), "no file, no schema");
  }

  private final AtomicInteger jobs = countJobs();

  private AtomicInteger countJobs() {
    AtomicInteger started = new AtomicInteger();
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onJobStart(SparkListenerJobStart jobStart) {
                started.incrementAndGet();
              }
            });
    return started;
  }

  /** Jobs started so far, once the listener bus has delivered every event posted before now. */
  private int jobsSoFar() throws Exception {
    spark.sparkContext().listenerBus().waitUntilEmpty();
    return jobs.get();
  }

  private static ParquetFolder folder(Path dir) {
    return new ParquetFolder(spark, new org.apache.hadoop.fs.Path(dir.toUri()));
  }
}
