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
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code giftpay demo}: the whole pipeline on the embedded defaults. Uses the committed sample
 * ledger (or generates a small one if it is absent) and runs every night it holds.
 */
final class DemoCommand implements Giftpay.Command {
  static final LocalDate DEMO_START = LocalDate.of(2026, 11, 1);
  static final int DEMO_DAYS = 7;

  @Override
  public String help() {
    return """
        Usage: giftpay demo [--ledger DIR] [--warehouse DIR] [--fresh]

        Runs every night of a small ledger on the embedded defaults (Spark local, H2 job
        repository in the warehouse) and prints each night's summary and where the Parquet
        output is. The ledger is the committed sample (sample-data/ledger); if that folder is
        absent, a 7-night ledger is generated there first. Running the demo again is a no-op
        for nights already completed, unless --fresh.

        Options:
          --ledger DIR     ledger to use or generate (default <giftpay home>/sample-data/ledger)
          --warehouse DIR  output warehouse (default <giftpay home>/demo-warehouse)
          --fresh          delete the demo warehouse first and run every night again
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out) {
    Options options = Options.parse("demo", args, Set.of("--ledger", "--warehouse"), Set.of("--fresh"));
    Path home = Path.of(System.getProperty("giftpay.home", "."));
    Path ledger = Path.of(options.string("--ledger", home.resolve("sample-data/ledger").toString()));
    Path warehouse = Path.of(options.string("--warehouse", home.resolve("demo-warehouse").toString()));
    Logs.useFile(warehouse.toAbsolutePath().normalize().resolve("_giftpay/logs/giftpay.log"));
    GiftpayConfig config = GiftpayConfig.load(null);
    if (!Files.isDirectory(ledger.resolve("gifts"))) {
      out.println("No ledger at " + ledger + "; generating a small one (" + DEMO_DAYS + " nights)");
      GiftCatalogue catalogue = GiftCatalogue.load(config.catalogueFile());
      GenerateCommand.generate(
          new GeneratorOptions(ledger, DEMO_START, DEMO_DAYS, 3000, 150, 42, LedgerFormat.MIXED, catalogue.coinsByGiftId()), out);
    }
    if (options.has("--fresh")) {
      deleteRecursively(warehouse);
    }
    List<LocalDate> nights = nights(ledger.resolve("gifts"));
    if (nights.isEmpty()) {
      throw new IllegalArgumentException("Invalid --ledger: " + ledger + " (no gifts/dt=YYYY-MM-DD partitions)");
    }
    NightlyCommand.runNights(config, ledger, warehouse, nights.get(0), nights.get(nights.size() - 1), false, out);
    Path root = warehouse.toAbsolutePath().normalize();
    out.println();
    out.println("Demo done. Published Parquet tables, one dt= folder per night:");
    for (String table : PublishedTables.names().stream().filter(t -> Files.isDirectory(root.resolve(t))).toList()) {
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

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir, e);
    }
  }
}
