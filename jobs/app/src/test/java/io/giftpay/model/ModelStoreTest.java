package io.giftpay.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.detect.AnomalyModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

  private static final List<String> NAMES =
      List.of("coins_today", "recharges_10min", "gifts_today", "new_devices");

  @Test
  void theKeptFilesHoldTheModelThatScoredAndSayWhichBytesTheyAre(@TempDir Path tmp)
      throws Exception {
    AnomalyModel model =
        new SmileIsolationForestTrainer().train(NAMES, TestData.gaussian(2_000, 4, 8L), 42L);
    ModelStore store = new ModelStore();
    store.save(model, tmp.resolve("a"));
    store.save(model, tmp.resolve("b"));
    byte[] bin = Files.readAllBytes(tmp.resolve("a").resolve(ModelStore.MODEL_FILE));
    String json = Files.readString(tmp.resolve("a").resolve(ModelStore.CARD_FILE));
    assertTrue(json.contains("\"modelSha256\": \"" + ModelStore.sha256(bin) + "\""), json);
    AnomalyModel loaded = read(bin);
    store.save(loaded, tmp.resolve("c"));
    for (String file : List.of(ModelStore.MODEL_FILE, ModelStore.CARD_FILE)) {
      byte[] a = Files.readAllBytes(tmp.resolve("a").resolve(file));
      assertArrayEquals(a, Files.readAllBytes(tmp.resolve("b").resolve(file)), file);
      assertArrayEquals(
          a, Files.readAllBytes(tmp.resolve("c").resolve(file)), file + " of the model read back");
    }
    assertEquals(model.card(), loaded.card());
    assertEquals(model.featureNames(), loaded.featureNames());
    for (double[] row : TestData.gaussian(300, 4, 9L)) {
      assertEquals(
          Double.doubleToRawLongBits(model.score(row)),
          Double.doubleToRawLongBits(loaded.score(row)));
      assertEquals(model.explain(row, 2), loaded.explain(row, 2));
    }
  }

  @Test
  void cardJsonDescribesTheModel(@TempDir Path tmp) throws IOException {
    AnomalyModel model =
        new SmileIsolationForestTrainer().train(NAMES, TestData.gaussian(500, 4, 8L), 42L);
    new ModelStore().save(model, tmp);
    String json = Files.readString(tmp.resolve(ModelStore.CARD_FILE));
    assertTrue(json.contains("\"name\": \"isolation-forest\""), json);
    assertTrue(json.contains("\"version\": \"" + model.card().version() + "\""), json);
    assertTrue(json.contains("\"seed\": 42,"), json);
    assertTrue(json.contains("\"trainingRows\": 500,"), json);
    assertTrue(json.contains("\"threshold\": " + model.card().threshold() + ","), json);
    assertTrue(
        json.contains(
            "\"featureNames\": [\"coins_today\", \"recharges_10min\", \"gifts_today\", \"new_devices\"]"),
        json);
    assertTrue(json.contains("\"trees\": \"100\""), json);
    assertTrue(json.contains("\"threshold\": \"contamination=0.01\""), json);
    assertTrue(json.contains("\"library\": \"smile-core 3.1.1\""), json);
  }

  @Test
  void jsonStringsAreEscaped() {
    assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", ModelStore.quote("a\"b\\c\n\u0001"));
  }

  /** model.bin read back (production keeps no reader: a night trains its own model). */
  private static AnomalyModel read(byte[] bin) throws Exception {
    try (java.io.ObjectInputStream in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bin))) {
      return (AnomalyModel) in.readObject();
    }
  }
}
