package io.giftpay.cli;

import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.config.GiftpayConfig;
import io.giftpay.sample.GeneratorOptions;
import io.giftpay.sample.LedgerFormat;
import io.giftpay.warehouse.PublishedTables;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code giftpay demo}: the whole pipeline on the embedded defaults. Uses the committed sample
 * ledger (or generates a small one if it is absent) and runs every night it holds.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    header = "generate a small ledger if absent and run all its nights on the defaults",
    description = {
      "Runs every night of a small ledger on the embedded defaults (Spark local, H2 job repository in"
          + " the warehouse) and prints each night's summary and where the Parquet output is. The ledger is"
          + " the committed sample (sample-data/ledger); if that folder has no gifts/, a "
          + DemoCommand.DEMO_DAYS
          + "-night ledger is generated there first. Running the demo again is a no-op for nights already"
          + " completed, unless --fresh.",
    },
    footer = {"", "The log is <warehouse>/_giftpay/logs/giftpay.log."})
final class DemoCommand implements Callable<Integer> {
  static final LocalDate DEMO_START = LocalDate.of(2026, 11, 1);
  static final int DEMO_DAYS = 7;

  @Spec CommandSpec spec;

  @Option(
      names = "--ledger",
      paramLabel = "DIR",
      description = "ledger to use or generate (default <giftpay home>/sample-data/ledger)")
  Path ledger;

  @Option(
      names = "--warehouse",
      paramLabel = "DIR",
      description = "output warehouse (default <giftpay home>/demo-warehouse)")
  Path warehouse;

  @Option(
      names = "--fresh",
      description = "delete the demo warehouse first and run every night again")
  boolean fresh;

  @Override
  public Integer call() {
    PrintStream out = Giftpay.out(spec);
    Path home = Path.of(System.getProperty(GiftpayConfig.HOME, "."));
    Path ledger = this.ledger != null ? this.ledger : home.resolve("sample-data/ledger");
    Path warehouse = this.warehouse != null ? this.warehouse : home.resolve("demo-warehouse");
    Logs.useFile(warehouse.toAbsolutePath().normalize().resolve("_giftpay/logs/giftpay.log"));
    GiftpayConfig config = GiftpayConfig.load(null);
    if (!Files.isDirectory(ledger.resolve("gifts"))) {
      out.println("No ledger at " + ledger + "; generating a small one (" + DEMO_DAYS + " nights)");
      GiftCatalogue catalogue = GiftCatalogue.load(config.catalogueFile());
      GenerateCommand.generate(
          new GeneratorOptions(
              ledger,
              DEMO_START,
              DEMO_DAYS,
              3000,
              150,
              42,
              LedgerFormat.MIXED,
              catalogue.coinsByGiftId()),
          out);
    }
    if (fresh) {
      deleteRecursively(warehouse);
    }
    List<LocalDate> nights = nights(ledger.resolve("gifts"));
    if (nights.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid --ledger: " + ledger + " (no gifts/dt=YYYY-MM-DD partitions)");
    }
    NightlyCommand.runNights(
        config, ledger, warehouse, nights.get(0), nights.get(nights.size() - 1), false, out);
    Path root = warehouse.toAbsolutePath().normalize();
    out.println();
    out.println("Demo done. Published Parquet tables, one dt= folder per night:");
    for (String table :
        PublishedTables.names().stream().filter(t -> Files.isDirectory(root.resolve(t))).toList()) {
      out.println("  " + root.resolve(table));
    }
    out.println("Log: " + root.resolve("_giftpay/logs/giftpay.log"));
    return Giftpay.OK;
  }

  private static List<LocalDate> nights(Path giftsDir) {
    try (Stream<Path> dirs = Files.list(giftsDir)) {
      return dirs.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("dt=\\d{4}-\\d{2}-\\d{2}"))
          .map(n -> LocalDate.parse(n.substring(3)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + giftsDir, e);
    }
  }

  /**
   * Deletes the warehouse for --fresh; a file that cannot be deleted stops the demo (a half-deleted
   * warehouse must not run).
   */
  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(
              "Cannot delete "
                  + p
                  + " for --fresh ("
                  + e.getClass().getSimpleName()
                  + (e.getMessage() == null || e.getMessage().equals(p.toString())
                      ? ""
                      : ": " + e.getMessage())
                  + ")",
              e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot delete " + dir + " for --fresh (" + e.getMessage() + ")", e);
    }
  }
}
