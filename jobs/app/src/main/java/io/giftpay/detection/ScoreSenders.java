package io.giftpay.detection;

import static org.apache.spark.sql.functions.col;

import io.giftpay.detect.AnomalyModel;
import io.giftpay.detect.Explanation;
import io.giftpay.detect.FeatureContribution;
import io.giftpay.detect.SenderModelFeatures;
import io.giftpay.spark.Transform;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Scores every account of {@code sender_features} with the night's anomaly model (broadcast once)
 * and returns a flag for each score at or above the model's threshold. Its evidence names the model
 * version, the score and the features that set the account apart, with value and percentile among
 * the training rows.
 */
public final class ScoreSenders implements Transform {
  private static final int EXPLAINED_FEATURES = 4;

  private final Broadcast<AnomalyModel> model;
  private final LocalDate night;
  private final StructType flagsSchema;

  public ScoreSenders(Broadcast<AnomalyModel> model, LocalDate night, StructType flagsSchema) {
    this.model = model;
    this.night = night;
    this.flagsSchema = flagsSchema;
  }

  /** The model's raw inputs, in {@link SenderModelFeatures#NAMES} order, as doubles. */
  public static Column[] rawColumns() {
    List<Column> columns = new ArrayList<>();
    columns.add(col("sender_id"));
    for (String name : SenderModelFeatures.NAMES) {
      columns.add(col(name).cast("double").as(name));
    }
    return columns.toArray(Column[]::new);
  }

  static Double[] raw(Row row) {
    Double[] raw = new Double[SenderModelFeatures.NAMES.size()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = row.isNullAt(i + 1) ? null : row.getDouble(i + 1);
    }
    return raw;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> senderFeatures) {
    Broadcast<AnomalyModel> broadcast = model;
    LocalDate date = night;
    return senderFeatures
        .select(rawColumns())
        .flatMap(
            (FlatMapFunction<Row, Row>)
                row -> {
                  AnomalyModel m = broadcast.value();
                  double[] features = SenderModelFeatures.vector(raw(row));
                  double score = m.score(features);
                  if (!m.card().flags(score)) {
                    return java.util.Collections.emptyIterator();
                  }
                  return List.of(
                          RowFactory.create(
                              row.getString(0),
                              "sender",
                              m.card().name() + "@" + m.card().version(),
                              "medium",
                              "review",
                              score,
                              evidence(m, score, features, raw(row)),
                              date))
                      .iterator();
                },
            Encoders.row(flagsSchema));
  }

  private static String evidence(AnomalyModel m, double score, double[] features, Double[] raw) {
    Explanation explanation = m.explain(features, EXPLAINED_FEATURES);
    StringBuilder json = new StringBuilder();
    json.append("{\"model\":\"")
        .append(m.card().name())
        .append("\",\"version\":\"")
        .append(m.card().version())
        .append("\",\"score\":")
        .append(String.format(Locale.ROOT, "%.6f", score))
        .append(",\"threshold\":")
        .append(String.format(Locale.ROOT, "%.6f", m.card().threshold()))
        .append(",\"features\":[");
    for (int i = 0; i < explanation.features().size(); i++) {
      FeatureContribution c = explanation.features().get(i);
      int index = SenderModelFeatures.NAMES.indexOf(c.feature());
      double value = raw[index] == null ? 0.0 : raw[index];
      json.append(i == 0 ? "" : ",")
          .append("{\"feature\":\"")
          .append(c.feature())
          .append("\",\"value\":")
          .append(String.format(Locale.ROOT, "%s", value))
          .append(",\"percentile\":")
          .append(String.format(Locale.ROOT, "%.1f", c.percentile()))
          .append('}');
    }
    return json.append("]}").toString();
  }
}
