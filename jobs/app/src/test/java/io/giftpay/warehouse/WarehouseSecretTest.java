package io.giftpay.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.config.GiftpayConfig;
import io.giftpay.privacy.IdentifierKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseSecretTest {
  @TempDir Path tmp;

  @Test
  void firstUseCreatesAnOwnerOnlyKeyAndLaterUsesReadIt() throws Exception {
    WarehouseLayout layout =
        new WarehouseLayout(new org.apache.hadoop.fs.Path(tmp.resolve("warehouse").toString()));
    IdentifierKey first = WarehouseSecret.identifierKey(layout, GiftpayConfig.defaults());
    Path file = tmp.resolve("warehouse/_giftpay/secret/identifier.key");
    assertEquals(IdentifierKey.SECRET_BYTES, Files.size(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    assertEquals(
        first,
        WarehouseSecret.identifierKey(layout, GiftpayConfig.defaults()),
        "the same key on every later use");
    try (var left = Files.list(file.getParent())) {
      assertEquals(List.of(file), left.toList(), "no temporary file left beside the key");
    }
  }

  @Test
  void theSettingLetsTwoWarehousesShareOneKey() {
    GiftpayConfig shared =
        GiftpayConfig.defaults()
            .with(GiftpayConfig.PRIVACY_KEY_FILE, tmp.resolve("keys/shared.key").toString());
    IdentifierKey a =
        WarehouseSecret.identifierKey(
            new WarehouseLayout(new org.apache.hadoop.fs.Path(tmp.resolve("a").toString())),
            shared);
    IdentifierKey b =
        WarehouseSecret.identifierKey(
            new WarehouseLayout(new org.apache.hadoop.fs.Path(tmp.resolve("b").toString())),
            shared);
    assertEquals(a, b);
    assertTrue(
        Files.notExists(tmp.resolve("a/_giftpay/secret")),
        "no key of its own when the setting names one");
    IdentifierKey own =
        WarehouseSecret.identifierKey(
            new WarehouseLayout(new org.apache.hadoop.fs.Path(tmp.resolve("c").toString())),
            GiftpayConfig.defaults());
    assertTrue(!own.equals(a), "a warehouse of its own draws a key of its own");
  }

  @Test
  void aKeyFileOthersCanReadIsRefused() throws Exception {
    Path file = tmp.resolve("group-readable.key");
    Files.write(file, new byte[IdentifierKey.SECRET_BYTES]);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> WarehouseSecret.loadOrCreate(file));
    assertEquals(
        "Invalid key file " + file + ": readable by others (chmod 600 it)", e.getMessage());
  }

  @Test
  void aTruncatedKeyFileIsRefused() throws Exception {
    Path file = tmp.resolve("truncated.key");
    Files.write(file, new byte[7]);
    Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> WarehouseSecret.loadOrCreate(file));
    assertTrue(
        e.getMessage().startsWith("Invalid key file " + file + ": 7 bytes (must be 32"),
        e.getMessage());
  }

  @Test
  void racingCreatorsEndWithOneKey() throws Exception {
    Path file = tmp.resolve("race/_giftpay/secret/identifier.key");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<IdentifierKey>> tasks =
          IntStream.range(0, 16)
              .<Callable<IdentifierKey>>mapToObj(i -> () -> WarehouseSecret.loadOrCreate(file))
              .toList();
      List<Future<IdentifierKey>> keys = pool.invokeAll(tasks);
      IdentifierKey first = keys.get(0).get();
      for (Future<IdentifierKey> key : keys) {
        assertEquals(first, key.get(), "every racer uses the key that is in the file");
      }
      assertEquals(
          first,
          new IdentifierKey(Files.readAllBytes(file)),
          "the key in the file is the one they use");
    } finally {
      pool.shutdownNow();
    }
  }
}
