package io.giftpay.catalogue;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The gift catalogue (contract section 4): gift id → coins, used to check that a gift event's coins
 * equal quantity × the catalogue price. Immutable and serializable so Spark can broadcast it.
 */
public final class GiftCatalogue implements Serializable {
  static final String HEADER = "gift_id,name,coins";
  private static final Pattern POSITIVE_WHOLE = Pattern.compile("[0-9]+");

  private final SortedMap<String, Gift> gifts;
  private final Map<String, Long> coinsByGiftId;

  private GiftCatalogue(SortedMap<String, Gift> gifts) {
    this.gifts = Collections.unmodifiableSortedMap(gifts);
    SortedMap<String, Long> coins = new TreeMap<>();
    gifts.forEach((id, gift) -> coins.put(id, gift.coins()));
    this.coinsByGiftId = Collections.unmodifiableSortedMap(coins);
  }

  /**
   * Reads a {@code gift_id,name,coins} CSV. Simple CSV: no quoting; fields are trimmed, blank lines
   * and lines starting with {@code #} are skipped.
   */
  public static GiftCatalogue load(Path csvFile) {
    if (csvFile == null) {
      throw new IllegalArgumentException("Invalid catalogue file: null");
    }
    String file = csvFile.toString();
    List<String> lines;
    try {
      lines = Files.readAllLines(csvFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CatalogueFileException(file, 0, null, "cannot read catalogue (" + e + ")", e);
    }

    SortedMap<String, Gift> gifts = new TreeMap<>();
    Map<String, Integer> lineOf = new TreeMap<>();
    boolean headerSeen = false;
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String line = lines.get(i).strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip(); // spreadsheet exports often start with a BOM
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!headerSeen) {
        checkHeader(file, lineNo, line);
        headerSeen = true;
        continue;
      }
      Gift gift = parseGift(file, lineNo, line);
      Integer first = lineOf.putIfAbsent(gift.giftId(), lineNo);
      if (first != null) {
        throw new CatalogueFileException(
            file,
            lineNo,
            "gift_id",
            "duplicate gift_id '" + gift.giftId() + "' (first on line " + first + ")",
            null);
      }
      gifts.put(gift.giftId(), gift);
    }

    if (!headerSeen) {
      throw new CatalogueFileException(file, 0, null, "missing header '" + HEADER + "'", null);
    }
    if (gifts.isEmpty()) {
      throw new CatalogueFileException(
          file, 0, null, "no gifts (an empty catalogue is refused)", null);
    }
    return new GiftCatalogue(gifts);
  }

  public Optional<Gift> find(String giftId) {
    return giftId == null ? Optional.empty() : Optional.ofNullable(gifts.get(giftId));
  }

  /** Coins per gift id, sorted by id; unmodifiable. */
  public Map<String, Long> coinsByGiftId() {
    return coinsByGiftId;
  }

  public int size() {
    return gifts.size();
  }

  @Override
  public String toString() {
    return "GiftCatalogue" + gifts.values();
  }

  private static void checkHeader(String file, int lineNo, String line) {
    String[] fields = line.split(",", -1);
    StringBuilder normalized = new StringBuilder();
    for (int f = 0; f < fields.length; f++) {
      normalized.append(f == 0 ? "" : ",").append(fields[f].strip());
    }
    if (!HEADER.equals(normalized.toString())) {
      throw new CatalogueFileException(
          file, lineNo, null, "bad header '" + line + "' (expected '" + HEADER + "')", null);
    }
  }

  private static Gift parseGift(String file, int lineNo, String line) {
    if (line.indexOf('"') >= 0) {
      // a quote would otherwise end up inside a name or id
      throw new CatalogueFileException(
          file, lineNo, null, "quoted fields are not supported: '" + line + "'", null);
    }
    String[] fields = line.split(",", -1);
    if (fields.length != 3) {
      throw new CatalogueFileException(
          file,
          lineNo,
          null,
          "expected 3 fields (" + HEADER + "), found " + fields.length + ": '" + line + "'",
          null);
    }
    String giftId = fields[0].strip();
    String name = fields[1].strip();
    String coinsText = fields[2].strip();

    if (giftId.isEmpty()) {
      throw new CatalogueFileException(file, lineNo, "gift_id", "blank gift_id", null);
    }
    if (!Gift.GIFT_ID.matcher(giftId).matches()) {
      throw new CatalogueFileException(
          file,
          lineNo,
          "gift_id",
          "Invalid gift_id: '" + giftId + "' (must match [a-z0-9_]+)",
          null);
    }
    if (name.isEmpty()) {
      throw new CatalogueFileException(
          file, lineNo, "name", "blank name for gift_id '" + giftId + "'", null);
    }
    long coins = 0;
    if (POSITIVE_WHOLE.matcher(coinsText).matches()) {
      try {
        coins = Long.parseLong(coinsText);
      } catch (NumberFormatException e) {
        coins = 0; // too many digits: reported below
      }
    }
    if (coins <= 0) {
      throw new CatalogueFileException(
          file,
          lineNo,
          "coins",
          "Invalid coins: '" + coinsText + "' (must be a positive whole number)",
          null);
    }
    return new Gift(giftId, name, coins);
  }
}
