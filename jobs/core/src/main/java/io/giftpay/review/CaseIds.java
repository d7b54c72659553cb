package io.giftpay.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * A case's id: {@code case-} and 16 hex digits of SHA-256 over role, account and the case's first
 * night. The same case keeps its id every night it stays open; a new case on the same account,
 * after a decision, gets a new one. Spark computes the same with {@code sha2}.
 */
public final class CaseIds {
  public static final String PREFIX = "case-";

  private CaseIds() {}

  public static String of(String role, String accountId, LocalDate firstFlagged) {
    return PREFIX + sha256Hex(role + "|" + accountId + "|" + firstFlagged).substring(0, 16);
  }

  /** Lower-case hex of the text's SHA-256 (UTF-8): the ids of cases and of applied reviews. */
  public static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
