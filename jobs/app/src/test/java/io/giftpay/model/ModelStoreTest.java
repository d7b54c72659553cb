package io.giftpay.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.detect.AnomalyModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

  private static final List<String> NAMES = List.of("coins_today", "recharges_10min", "gifts_today", "new_devices");

  @Test
  void roundTripGivesIdenticalScoresAndBytes(@TempDir Path tmp) throws IOException {
    AnomalyModel model = new SmileIsolationForestTrainer().train(NAMES, TestData.gaussian(2_000, 4, 8L), 42L);
    ModelStore store = new ModelStore();
    store.save(model, tmp.resolve("a"));
    store.save(model, tmp.resolve("b"));
    AnomalyModel loaded = store.load(tmp.resolve("a"));
    store.save(loaded, tmp.resolve("c"));
    for (String file : List.of(ModelStore.MODEL_FILE, ModelStore.CARD_FILE)) {
      byte[] a = Files.readAllBytes(tmp.resolve("a").resolve(file));
      assertArrayEquals(a, Files.readAllBytes(tmp.resolve("b").resolve(file)), file);
      assertArrayEquals(a, Files.readAllBytes(tmp.resolve("c").resolve(file)), file + " after load");
    }
    assertEquals(model.card(), loaded.card());
    assertEquals(model.featureNames(), loaded.featureNames());
    for (double[] row : TestData.gaussian(300, 4, 9L)) {
      assertEquals(Double.doubleToRawLongBits(model.score(row)), Double.doubleToRawLongBits(loaded.score(row)));
      assertEquals(model.explain(row, 2), loaded.explain(row, 2));
    }
  }

  @Test
  void cardJsonDescribesTheModel(@TempDir Path tmp) throws IOException {
    AnomalyModel model = new SmileIsolationForestTrainer().train(NAMES, TestData.gaussian(500, 4, 8L), 42L);
    new ModelStore().save(model, tmp);
    String json = Files.readString(tmp.resolve(ModelStore.CARD_FILE));
    assertTrue(json.contains("\"name\": \"isolation-forest\""), json);
    assertTrue(json.contains("\"version\": \"" + model.card().version() + "\""), json);
    assertTrue(json.contains("\"seed\": 42,"), json);
    assertTrue(json.contains("\"trainingRows\": 500,"), json);
    assertTrue(json.contains("\"threshold\": " + model.card().threshold() + ","), json);
    assertTrue(json.contains("\"featureNames\": [\"coins_today\", \"recharges_10min\", \"gifts_today\", \"new_devices\"]"), json);
    assertTrue(json.contains("\"trees\": \"100\""), json);
    assertTrue(json.contains("\"threshold\": \"contamination=0.01\""), json);
    assertTrue(json.contains("\"library\": \"smile-core 3.1.1\""), json);
  }

  @Test
  void mismatchedOrForeignFilesAreRejected(@TempDir Path tmp) throws IOException {
    ModelStore store = new ModelStore();
    store.save(new SmileIsolationForestTrainer().train(NAMES, TestData.gaussian(300, 4, 1L), 1L), tmp.resolve("one"));
    store.save(new SmileIsolationForestTrainer().train(NAMES, TestData.gaussian(300, 4, 1L), 2L), tmp.resolve("two"));
    Files.copy(tmp.resolve("two").resolve(ModelStore.MODEL_FILE), tmp.resolve("one").resolve(ModelStore.MODEL_FILE),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThrows(IOException.class, () -> store.load(tmp.resolve("one")));
    // a serialized object outside the allowed classes is refused by the input filter
    byte[] foreign = serializeAny(new java.util.concurrent.atomic.AtomicLong(1));
    assertThrows(IOException.class, () -> ModelStore.deserialize(foreign));
  }

  @Test
  void jsonStringsAreEscaped() {
    assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", ModelStore.quote("a\"b\\c\n\u0001"));
  }

  private static byte[] serializeAny(Object o) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream oos = new java.io.ObjectOutputStream(out)) {
      oos.writeObject(o);
    }
    return out.toByteArray();
  }
}
