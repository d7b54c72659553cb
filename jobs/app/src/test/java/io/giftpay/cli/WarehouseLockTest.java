package io.giftpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.warehouse.WarehouseLayout;
import io.giftpay.warehouse.WarehouseLock;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run at a time per warehouse ({@link WarehouseLock}, an OS file lock on {@code
 * <warehouse>/_giftpay/lock}), held here by another process: {@code giftpay nightly} is refused
 * with one plain line naming the warehouse, and a holder killed by SIGKILL leaves its lock file
 * behind but not the lock, which the kernel released with the process.
 */
class WarehouseLockTest {
  private static final Path RULES = Path.of("../../rules").toAbsolutePath().normalize();
  private static final String HOLDING = "holding the warehouse lock";

  @BeforeAll
  static void rules() {
    System.setProperty("giftpay.rules.dir", RULES.toString());
  }

  @AfterAll
  static void clearSettings() {
    System.clearProperty("giftpay.rules.dir");
  }

  @Test
  void aSecondNightlyOnTheSameWarehouseIsRefusedInOnePlainLine(@TempDir Path dir) throws Exception {
    Path warehouse = dir.resolve("warehouse");
    Path ledger = Files.createDirectories(dir.resolve("ledger"));
    Process holder = holdLock(warehouse);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status =
          Giftpay.run(
              List.of(
                  "nightly",
                  "--date",
                  "2026-11-01",
                  "--ledger",
                  ledger.toString(),
                  "--warehouse",
                  warehouse.toString()),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));

      assertEquals(1, status, "a failed run, not a usage error");
      assertEquals(
          "giftpay nightly: Another giftpay run is using the warehouse "
              + warehouse
              + " (lock "
              + warehouse.resolve("_giftpay/lock")
              + ")",
          err.toString(StandardCharsets.UTF_8).strip(),
          "one plain line naming the warehouse");
      assertFalse(
          out.toString(StandardCharsets.UTF_8).contains("Spark"),
          "refused before Spark starts: " + out);
      assertTrue(holder.isAlive(), "the run holding the lock goes on");
    } finally {
      holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aLockLeftByAProcessKilledWithSigkillIsTakenOver(@TempDir Path dir) throws Exception {
    Path warehouse = dir.resolve("warehouse");
    WarehouseLayout layout =
        new WarehouseLayout(new org.apache.hadoop.fs.Path(warehouse.toString()));
    Process holder = holdLock(warehouse);
    try {
      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> WarehouseLock.acquire(layout));
      assertTrue(
          refused
              .getMessage()
              .startsWith("Another giftpay run is using the warehouse " + warehouse),
          refused.getMessage());

      holder.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook, the lock never
      // released by the holder
      assertTrue(holder.waitFor(30, TimeUnit.SECONDS), "the holder died");
      assertEquals(137, holder.exitValue(), "killed by signal 9");
      assertTrue(
          Files.exists(warehouse.resolve("_giftpay/lock")),
          "the killed run's lock file is still there");

      try (WarehouseLock taken = WarehouseLock.acquire(layout)) {
        assertThrows(
            IllegalStateException.class,
            () -> WarehouseLock.acquire(layout),
            "and is held again, by this run");
      }
    } finally {
      holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** A child JVM that takes the warehouse's lock and keeps it; returns once it says it holds it. */
  private static Process holdLock(Path warehouse) throws Exception {
    Process holder =
        ChildJvm.of(List.of("-Xmx64m"), LockHolder.class, List.of(warehouse.toString()))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    try {
      String line =
          CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return out.readLine();
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .get(60, TimeUnit.SECONDS);
      assertEquals(HOLDING, line, "the holder took the lock");
    } catch (Exception | AssertionError e) {
      holder.destroyForcibly();
      throw e;
    }
    return holder;
  }

  /**
   * Takes the lock of the warehouse named by its argument, says so, and keeps it until killed or
   * its stdin closes.
   */
  public static final class LockHolder {
    public static void main(String[] args) throws Exception {
      WarehouseLock lock =
          WarehouseLock.acquire(new WarehouseLayout(new org.apache.hadoop.fs.Path(args[0])));
      System.out.println(HOLDING);
      System.out.flush();
      // Ends with the test JVM: its stdin closes when the parent dies, so no holder outlives a
      // crashed test.
      while (System.in.read() >= 0) {
        // wait
      }
      lock.close();
    }
  }
}
