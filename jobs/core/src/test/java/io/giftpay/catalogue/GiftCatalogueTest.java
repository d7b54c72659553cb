package io.giftpay.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GiftCatalogueTest {
  private static final Path REAL_CATALOGUE =
      Path.of(System.getProperty("basedir", "."))
          .resolve("../../rules/gift-catalogue.csv")
          .normalize();

  @Test
  void loadsTheRealCatalogue() {
    GiftCatalogue catalogue = GiftCatalogue.load(REAL_CATALOGUE);
    assertEquals(17, catalogue.size());
    assertEquals(Optional.of(new Gift("dragon", "Dragon", 26999)), catalogue.find("dragon"));
    assertEquals(1L, catalogue.coinsByGiftId().get("rose"));
    assertEquals(44999L, catalogue.coinsByGiftId().get("universe"));
    assertEquals(Optional.empty(), catalogue.find("unicorn"));
    assertEquals(Optional.empty(), catalogue.find(null));
  }

  @Test
  void coinsByGiftIdIsSortedAndUnmodifiable() {
    Map<String, Long> coins = GiftCatalogue.load(REAL_CATALOGUE).coinsByGiftId();
    List<String> ids = new ArrayList<>(coins.keySet());
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    assertEquals(sorted, ids);
    assertEquals("corgi", ids.get(0));
    assertThrows(UnsupportedOperationException.class, () -> coins.put("rose", 2L));
  }

  @Test
  void skipsCommentsAndBlankLinesAndTrimsFields() {
    GiftCatalogue catalogue = GiftCatalogue.load(fixture("comments-blank-lines-and-spaces.csv"));
    assertEquals(2, catalogue.size());
    assertEquals(Optional.of(new Gift("rose", "Rose", 1)), catalogue.find("rose"));
    assertEquals(29999L, catalogue.coinsByGiftId().get("lion"));
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    GiftCatalogue catalogue = GiftCatalogue.load(REAL_CATALOGUE);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(catalogue);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      GiftCatalogue copy = (GiftCatalogue) in.readObject();
      assertEquals(catalogue.coinsByGiftId(), copy.coinsByGiftId());
      assertEquals(catalogue.find("dragon"), copy.find("dragon"));
    }
  }

  @Test
  void duplicateGiftIdNamesBothLines() {
    CatalogueFileException e = assertFails("duplicate-gift-id.csv", 4, "gift_id");
    assertEquals(
        fixture("duplicate-gift-id.csv") + ":4: duplicate gift_id 'rose' (first on line 2)",
        e.getMessage());
  }

  @Test
  void zeroCoinsRefused() {
    CatalogueFileException e = assertFails("non-positive-coins.csv", 3, "coins");
    assertEquals(
        fixture("non-positive-coins.csv")
            + ":3: Invalid coins: '0' (must be a positive whole number)",
        e.getMessage());
  }

  @Test
  void negativeFractionalAndNonNumericCoinsRefused() {
    assertFails("negative-coins.csv", 2, "coins");
    assertFails("fractional-coins.csv", 2, "coins");
    assertFails("non-numeric-coins.csv", 2, "coins");
  }

  @Test
  void badHeader() {
    CatalogueFileException e = assertFails("bad-header.csv", 1, null);
    assertEquals(
        fixture("bad-header.csv")
            + ":1: bad header 'id,name,coins' (expected 'gift_id,name,coins')",
        e.getMessage());
  }

  @Test
  void wrongFieldCount() {
    CatalogueFileException e = assertFails("wrong-field-count.csv", 2, null);
    assertTrue(e.getMessage().contains("expected 3 fields"), e.getMessage());
    assertFails("too-many-fields.csv", 2, null);
  }

  @Test
  void blankGiftId() {
    CatalogueFileException e = assertFails("blank-gift-id.csv", 3, "gift_id");
    assertEquals(fixture("blank-gift-id.csv") + ":3: blank gift_id", e.getMessage());
  }

  @Test
  void giftIdMustBeLowercaseWord() {
    CatalogueFileException e = assertFails("gift-id-not-lowercase-word.csv", 3, "gift_id");
    assertTrue(e.getMessage().contains("'Finger-Heart' (must match [a-z0-9_]+)"), e.getMessage());
  }

  @Test
  void blankName() {
    assertFails("blank-name.csv", 2, "name");
  }

  @Test
  void quotedFieldsAreNotSilentlyKept() {
    assertFails("quoted-field.csv", 2, null);
  }

  @Test
  void emptyCatalogueRefused() {
    CatalogueFileException e = assertFails("empty-catalogue.csv", 0, null);
    assertEquals(
        fixture("empty-catalogue.csv") + ": no gifts (an empty catalogue is refused)",
        e.getMessage());
    CatalogueFileException noHeader = assertFails("empty-file.csv", 0, null);
    assertTrue(
        noHeader.getMessage().endsWith(": missing header 'gift_id,name,coins'"),
        noHeader.getMessage());
  }

  @Test
  void missingFileNamesTheFile() {
    Path missing = Path.of("no/such/gift-catalogue.csv");
    CatalogueFileException e =
        assertThrows(CatalogueFileException.class, () -> GiftCatalogue.load(missing));
    assertTrue(e.getMessage().startsWith(missing + ": cannot read catalogue"), e.getMessage());
  }

  @Test
  void giftRecordValidates() {
    assertThrows(IllegalArgumentException.class, () -> new Gift("Rose", "Rose", 1));
    assertThrows(IllegalArgumentException.class, () -> new Gift("rose", " ", 1));
    assertThrows(IllegalArgumentException.class, () -> new Gift("rose", "Rose", 0));
  }

  private static CatalogueFileException assertFails(String name, int line, String field) {
    Path file = fixture(name);
    CatalogueFileException e =
        assertThrows(CatalogueFileException.class, () -> GiftCatalogue.load(file));
    String where = line > 0 ? file + ":" + line + ": " : file + ": ";
    assertTrue(e.getMessage().startsWith(where), e.getMessage());
    assertEquals(file.toString(), e.file());
    assertEquals(line, e.line());
    assertEquals(field, e.field());
    return e;
  }

  private static Path fixture(String name) {
    try {
      return Path.of(GiftCatalogueTest.class.getResource("/catalogue/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
