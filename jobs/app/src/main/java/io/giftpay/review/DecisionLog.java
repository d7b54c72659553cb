package io.giftpay.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The review decisions, one JSON file per decision under {@code _giftpay/review/decisions/},
 * appended and never edited. Each file appears whole (written aside, then moved into place), so a
 * night reading the folder sees a decision entirely or not at all. Reviewers deciding at once take
 * turns on a file lock (and an in-process lock, for two threads of one JVM), so the check "is this
 * case already decided?" and the append are one step: nothing is lost or doubled.
 *
 * <p>The folder must be on a file system every reviewer's process sees (a local disk or a shared
 * mount with POSIX locks).
 */
public final class DecisionLog {
  private static final ReentrantLock IN_PROCESS = new ReentrantLock();
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String SUFFIX = ".json";

  private final Path dir;

  public DecisionLog(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public static String newDecisionId() {
    return "dec-" + UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * Runs {@code decide} while no other reviewer can append, and appends what it returns. {@code
   * decide} may throw {@link DecisionRefused}: then nothing is written.
   */
  public ReviewDecision appendChecked(Supplier<ReviewDecision> decide) {
    IN_PROCESS.lock();
    try {
      Files.createDirectories(dir);
      try (FileChannel channel =
              FileChannel.open(
                  dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        ReviewDecision decision = decide.get();
        write(decision);
        return decision;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot record the decision in " + dir + ": " + e.getMessage(), e);
    } finally {
      IN_PROCESS.unlock();
    }
  }

  private void write(ReviewDecision d) throws IOException {
    String name = String.format("%013d-%s%s", d.decidedAt().toEpochMilli(), d.decisionId(), SUFFIX);
    Path aside = dir.resolve("." + name + ".tmp");
    Files.writeString(aside, toJson(d), StandardCharsets.UTF_8);
    Files.move(aside, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Every recorded decision, oldest first. */
  public List<ReviewDecision> readAll() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<ReviewDecision> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file :
          files
              .filter(
                  f ->
                      f.getFileName().toString().endsWith(SUFFIX)
                          && !f.getFileName().toString().startsWith("."))
              .sorted()
              .toList()) {
        all.add(fromJson(Files.readString(file, StandardCharsets.UTF_8), file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the review decisions in " + dir + ": " + e.getMessage(), e);
    }
    all.sort(
        Comparator.comparing(ReviewDecision::decidedAt).thenComparing(ReviewDecision::decisionId));
    return all;
  }

  static String toJson(ReviewDecision d) {
    ObjectNode node = JSON.createObjectNode();
    node.put("decision_id", d.decisionId());
    node.put("case_id", d.caseId());
    node.put("account_id", d.accountId());
    node.put("role", d.role());
    node.put("decision", d.decision().word());
    node.put("reviewer", d.reviewer());
    node.put("reason", d.reason());
    node.put("decided_at", d.decidedAt().toString());
    if (d.dailyLimitUsd() != null) {
      node.put("daily_limit_usd", d.dailyLimitUsd().toPlainString());
    }
    return node.toString() + "\n";
  }

  static ReviewDecision fromJson(String text, Path file) {
    try {
      JsonNode n = JSON.readTree(text);
      JsonNode limit = n.get("daily_limit_usd");
      return new ReviewDecision(
          n.get("decision_id").asText(),
          n.get("case_id").asText(),
          n.get("account_id").asText(),
          n.get("role").asText(),
          Decision.parse(n.get("decision").asText()),
          n.get("reviewer").asText(),
          n.get("reason").asText(),
          Instant.parse(n.get("decided_at").asText()),
          limit == null || limit.isNull() ? null : new BigDecimal(limit.asText()));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Invalid review decision file " + file + ": " + e.getMessage(), e);
    }
  }
}
