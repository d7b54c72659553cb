package io.giftpay.model;

import io.giftpay.detect.AnomalyModel;
import io.giftpay.detect.ModelCard;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Saves a model to a directory as {@code model.bin} (Java serialization of the model) and
 * {@code model.json} (its card, feature names and the SHA-256 of {@code model.bin}), and loads it
 * back. The same model always gives the same bytes in both files. Each file is written to a
 * temporary name and moved into place; {@link #load} checks that the two files belong together.
 */
public final class ModelStore {

  public static final String MODEL_FILE = "model.bin";
  public static final String CARD_FILE = "model.json";

  /** Only the classes a model is made of may be deserialized. */
  private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
      "maxdepth=64;maxrefs=10000000;maxarray=100000000;"
          + "io.giftpay.detect.*;io.giftpay.model.*;smile.anomaly.*;"
          + "java.lang.*;java.util.*;!*");

  private static final Pattern SHA = Pattern.compile("\"modelSha256\"\\s*:\\s*\"([0-9a-f]{64})\"");

  /** Writes {@code dir/model.bin} and {@code dir/model.json}, creating {@code dir} if needed. */
  public void save(AnomalyModel model, Path dir) throws IOException {
    byte[] bin = serialize(model);
    Files.createDirectories(dir);
    writeAtomically(dir.resolve(MODEL_FILE), bin);
    writeAtomically(dir.resolve(CARD_FILE), cardJson(model, sha256(bin)).getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a model saved by {@link #save}, checking {@code model.bin} against {@code model.json}. */
  public AnomalyModel load(Path dir) throws IOException {
    byte[] bin = Files.readAllBytes(dir.resolve(MODEL_FILE));
    String json = Files.readString(dir.resolve(CARD_FILE), StandardCharsets.UTF_8);
    Matcher m = SHA.matcher(json);
    if (!m.find()) {
      throw new IOException(dir.resolve(CARD_FILE) + " has no modelSha256");
    }
    if (!m.group(1).equals(sha256(bin))) {
      throw new IOException(dir.resolve(MODEL_FILE) + " does not match the SHA-256 in " + CARD_FILE);
    }
    return deserialize(bin);
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

  static AnomalyModel deserialize(byte[] bin) throws IOException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bin))) {
      in.setObjectInputFilter(FILTER);
      Object o = in.readObject();
      if (!(o instanceof AnomalyModel model)) {
        throw new InvalidObjectException("not an AnomalyModel: " + (o == null ? "null" : o.getClass().getName()));
      }
      return model;
    } catch (ClassNotFoundException e) {
      throw new InvalidObjectException("unknown class in model: " + e.getMessage());
    }
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
