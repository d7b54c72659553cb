package io.giftpay.model;

import io.giftpay.detect.AnomalyModel;
import io.giftpay.detect.ModelCard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Saves a model to a directory as {@code model.bin} (Java serialization of the model) and {@code
 * model.json} (its card, feature names and the SHA-256 of {@code model.bin}). The same model always
 * gives the same bytes in both files. Each file is written to a temporary name and moved into
 * place. Nothing in a night reads a kept model back (a night trains its own), so there is no reader
 * here: Java deserialization is not an entry point production keeps unused.
 */
public final class ModelStore {

  public static final String MODEL_FILE = "model.bin";
  public static final String CARD_FILE = "model.json";

  /** Writes {@code dir/model.bin} and {@code dir/model.json}, creating {@code dir} if needed. */
  public void save(AnomalyModel model, Path dir) throws IOException {
    byte[] bin = serialize(model);
    Files.createDirectories(dir);
    writeAtomically(dir.resolve(MODEL_FILE), bin);
    writeAtomically(
        dir.resolve(CARD_FILE), cardJson(model, sha256(bin)).getBytes(StandardCharsets.UTF_8));
  }

  /** The model's Java serialization: what {@code model.bin} holds, and what Spark ships. */
  public static byte[] serialize(AnomalyModel model) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    try (ObjectOutputStream oos = new ObjectOutputStream(out)) {
      oos.writeObject(model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The content of {@code model.json}. */
  static String cardJson(AnomalyModel model, String modelSha256) {
    ModelCard card = model.card();
    StringBuilder json = new StringBuilder(512);
    json.append("{\n");
    field(json, "name", quote(card.name()));
    field(json, "version", quote(card.version()));
    field(json, "seed", Long.toString(card.seed()));
    field(json, "trainingRows", Integer.toString(card.trainingRows()));
    field(json, "threshold", number(card.threshold()));
    json.append("  \"featureNames\": [");
    List<String> names = model.featureNames();
    for (int i = 0; i < names.size(); i++) {
      json.append(i == 0 ? "" : ", ").append(quote(names.get(i)));
    }
    json.append("],\n");
    json.append("  \"parameters\": {");
    Iterator<Map.Entry<String, String>> it = card.parameters().entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, String> e = it.next();
      json.append("\n    ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
      json.append(it.hasNext() ? "," : "\n  ");
    }
    json.append("},\n");
    field(json, "modelFile", quote(MODEL_FILE));
    json.append("  \"modelSha256\": ").append(quote(modelSha256)).append("\n}\n");
    return json.toString();
  }

  private static void field(StringBuilder json, String name, String value) {
    json.append("  ").append(quote(name)).append(": ").append(value).append(",\n");
  }

  private static String number(double v) {
    return Double.isFinite(v) ? Double.toString(v) : quote(Double.toString(v));
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
