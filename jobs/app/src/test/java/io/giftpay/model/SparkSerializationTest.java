package io.giftpay.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.detect.AnomalyModel;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.JavaSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag$;

/**
 * Spark ships closures (and, with the default serializer, broadcasts) with its JavaSerializer: the
 * model must survive it, and be small enough to broadcast with classic settings.
 */
class SparkSerializationTest {

  @Test
  void survivesSparksJavaSerializerAndIsSmall() {
    int p = 12;
    double[][] rows = TestData.gaussian(5_000, p, 6L);
    AnomalyModel model = new SmileIsolationForestTrainer().train(TestData.names(p), rows, 3L);
    SerializerInstance spark = new JavaSerializer(new SparkConf()).newInstance();
    ByteBuffer bytes = spark.serialize(model, ClassTag$.MODULE$.apply(AnomalyModel.class));
    int size = bytes.remaining();
    AnomalyModel copy = spark.deserialize(bytes, ClassTag$.MODULE$.apply(AnomalyModel.class));
    for (double[] row : TestData.gaussian(100, p, 7L)) {
      assertEquals(model.score(row), copy.score(row));
    }
    int percentileBytes =
        ModelStore.serialize(model).length
            - ModelStore.serialize(
                    new SmileIsolationForestTrainer(
                            SmileIsolationForestTrainer.Parameters.defaults().withPercentileRows(1))
                        .train(TestData.names(p), rows, 3L))
                .length;
    System.out.printf(
        "serialized model, 100 trees x 256 rows x %d features, 5000 training rows: %,d bytes "
            + "(of which percentiles of 5000 rows ~%,d)%n",
        p, size, percentileBytes);
    assertTrue(size < 6_000_000, "model is " + size + " bytes");
    assertEquals(List.copyOf(TestData.names(p)), copy.featureNames());
  }
}
