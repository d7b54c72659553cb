package io.giftpay.night;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import io.giftpay.config.GiftpayConfig;
import io.giftpay.detect.AnomalyModel;
import io.giftpay.detect.AnomalyThreshold;
import io.giftpay.detect.SenderModelFeatures;
import io.giftpay.detection.ScoreSenders;
import io.giftpay.features.FeatureViews;
import io.giftpay.model.ModelStore;
import io.giftpay.model.SmileIsolationForestTrainer;
import io.giftpay.spark.ParquetFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The night's anomaly model: trained on a deterministic sample of the trailing window's {@code
 * sender_features} (tonight included), kept with its card under {@code
 * _giftpay/models/isolation-forest/dt=D/}, broadcast, and used to score every sender.
 */
final class NightlyModel {
  static final String NAME = SmileIsolationForestTrainer.NAME;
  static final String AREA = "models";
  private static final int MIN_TRAINING_ROWS = 50;
  private static final long SAMPLE_BUCKETS = 1_000_000L;

  private final NightContext context;

  NightlyModel(NightContext context) {
    this.context = context;
  }

  /**
   * @param tonight tonight's {@code sender_features}, as staged
   * @param tonightRows its rows (from the staged files' footers, without a Spark job)
   */
  Dataset<Row> scoreSenders(Dataset<Row> tonight, long tonightRows) {
    double[][] rows = trainingRows(tonight, tonightRows);
    if (rows.length < MIN_TRAINING_ROWS) {
      context
          .progress()
          .line(
              "[%s] model: %d training rows, fewer than %d; no model tonight",
              DetectNight.STEP, rows.length, MIN_TRAINING_ROWS);
      return context.spark().createDataFrame(List.of(), FlagsSchema.SCHEMA);
    }
    GiftpayConfig config = context.config();
    SmileIsolationForestTrainer trainer =
        new SmileIsolationForestTrainer(
            SmileIsolationForestTrainer.Parameters.defaults()
                .withThreshold(
                    AnomalyThreshold.parse(
                        config.get(
                            GiftpayConfig.MODEL_THRESHOLD,
                            GiftpayConfig.MODEL_THRESHOLD_DEFAULT))));
    AnomalyModel model =
        trainer.train(
            SenderModelFeatures.NAMES,
            rows,
            config.getLong(GiftpayConfig.MODEL_SEED, GiftpayConfig.MODEL_SEED_DEFAULT));
    Path dir = context.warehouse().stagedKept(context.night(), AREA, NAME);
    try {
      new ModelStore().save(model, java.nio.file.Path.of(dir.toUri().getPath()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the night's model in " + dir, e);
    }
    context
        .progress()
        .line(
            "[%s] model %s trained on %,d rows, threshold %.4f",
            DetectNight.STEP, model.card().version(), rows.length, model.card().threshold());
    return new ScoreSenders(
            context
                .spark()
                .sparkContext()
                .broadcast(model, scala.reflect.ClassTag$.MODULE$.apply(AnomalyModel.class)),
            context.night(),
            FlagsSchema.SCHEMA)
        .apply(tonight);
  }

  /** Tonight's and earlier nights' sender features, sampled by a hash of account and night. */
  private double[][] trainingRows(Dataset<Row> tonight, long tonightRows) {
    GiftpayConfig config = context.config();
    int window =
        config.getInt(GiftpayConfig.MODEL_WINDOW_NIGHTS, GiftpayConfig.MODEL_WINDOW_NIGHTS_DEFAULT);
    Dataset<Row> all =
        tonight
            .select(ScoreSenders.rawColumns())
            .withColumn("_night", lit(context.night().toString()));
    // Row counts and schemas come from the Parquet footers: a count() and a schema read are a
    // Spark job each, and the kept nights are read every night of the window.
    long total = tonightRows;
    for (LocalDate night : new NightRecords(context.warehouse(), context.files()).completed()) {
      if (night.isBefore(context.night()) && night.isAfter(context.night().minusDays(window))) {
        Path kept = context.warehouse().kept(DetectNight.AREA_FEATURES, FeatureViews.SENDER, night);
        if (context.files().exists(kept)) {
          ParquetFolder keptNight = new ParquetFolder(context.spark(), kept);
          total += keptNight.rows();
          all =
              all.unionByName(
                  keptNight
                      .read()
                      .select(ScoreSenders.rawColumns())
                      .withColumn("_night", lit(night.toString())));
        }
      }
    }
    long cap =
        config.getInt(GiftpayConfig.MODEL_TRAINING_ROWS, GiftpayConfig.MODEL_TRAINING_ROWS_DEFAULT);
    long keep = total <= cap ? SAMPLE_BUCKETS : Math.max(1, cap * SAMPLE_BUCKETS / total);
    // Sorted here rather than by Spark (whose sort samples its input in a job of its own), in
    // Spark's order for strings: by their UTF-8 bytes, unsigned.
    List<Row> sample =
        new ArrayList<>(
            all.filter(
                    pmod(
                            xxhash64(concat_ws("|", col("sender_id"), col("_night"))),
                            lit(SAMPLE_BUCKETS))
                        .lt(keep))
                .collectAsList());
    sample.sort(
        Comparator.comparing((Row r) -> utf8(r.getAs("_night")), Arrays::compareUnsigned)
            .thenComparing(r -> utf8(r.getAs("sender_id")), Arrays::compareUnsigned));
    double[][] rows = new double[sample.size()][];
    for (int i = 0; i < rows.length; i++) {
      Double[] raw = new Double[SenderModelFeatures.NAMES.size()];
      Row row = sample.get(i);
      for (int j = 0; j < raw.length; j++) {
        raw[j] = row.isNullAt(j + 1) ? null : row.getDouble(j + 1);
      }
      rows[i] = SenderModelFeatures.vector(raw);
    }
    return rows;
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
