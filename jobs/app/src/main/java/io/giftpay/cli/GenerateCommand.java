package io.giftpay.cli;

import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.config.GiftpayConfig;
import io.giftpay.sample.GenerationSummary;
import io.giftpay.sample.GeneratorOptions;
import io.giftpay.sample.LedgerFormat;
import io.giftpay.sample.LedgerGenerator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code giftpay generate}: writes a synthetic ledger in the contract's layout. */
final class GenerateCommand implements Giftpay.Command {
  @Override
  public String help() {
    return """
        Usage: giftpay generate --out DIR --start D --days N --users N --creators N --seed S
                                [--format parquet|csv|mixed] [--pattern-scale X]
                                [--lookalike-scale X] [--config FILE]

        Writes a deterministic synthetic ledger under DIR in the contract's layout
        (<table>/dt=YYYY-MM-DD/...): gifts, recharges, reversals, rewards, and accounts and
        fx_rates snapshots, with late events, replays and broken rows of every quarantine
        reason, and labelled fraud and overspending patterns beside innocent look-alikes
        (families sharing a card, whales, creators gifting each other small amounts, ...).
        The same options give byte-identical files. DIR/_truth/ says which rows were broken
        on purpose and why, and which accounts are in a pattern (labels.csv). Gifts per day are about 1.5 x users (users 700000 gives
        about a million gifts a day).

        Options:
          --out DIR        output folder (its table folders are replaced)
          --start D        first landing date, YYYY-MM-DD
          --days N         number of days, 1 to 366
          --users N        accounts, creators included (at least 10)
          --creators N     creators among them (at least 1, fewer than users)
          --seed S         random seed
          --format F       parquet (default), csv, or mixed (both in each partition)
          --pattern-scale X    fraud patterns as a multiple of their default rate per
                               1,000 users (default 1; 0 = no patterns, no look-alikes)
          --lookalike-scale X  innocent look-alikes likewise (default: the pattern scale)
          --config FILE    settings file (for giftpay.catalogue.file)
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out) {
    Options options =
        Options.parse("generate", args,
            Set.of("--out", "--start", "--days", "--users", "--creators", "--seed", "--format", "--config",
                "--pattern-scale", "--lookalike-scale"), Set.of());
    GiftpayConfig config = GiftpayConfig.load(options.has("--config") ? options.path("--config") : null);
    Path target = options.path("--out");
    LocalDate start = options.date("--start");
    int days = options.integer("--days", 1, 366);
    int users = options.integer("--users", 10, Integer.MAX_VALUE);
    int creators = options.integer("--creators", 1, Integer.MAX_VALUE);
    long seed = options.longValue("--seed");
    LedgerFormat format = format(options.string("--format", "parquet"));
    double patternScale = options.scale("--pattern-scale", GeneratorOptions.DEFAULT_PATTERN_SCALE, 100);
    double lookalikeScale = options.scale("--lookalike-scale", patternScale, 100);
    Logs.useFile(target.toAbsolutePath().normalize().resolve("_giftpay-generate.log"));
    GiftCatalogue catalogue = GiftCatalogue.load(config.catalogueFile());
    generate(new GeneratorOptions(target, start, days, users, creators, seed, format, catalogue.coinsByGiftId())
        .withScales(patternScale, lookalikeScale), out);
    return Giftpay.OK;
  }

  static GenerationSummary generate(GeneratorOptions options, PrintStream out) {
    long started = System.nanoTime();
    GenerationSummary summary = LedgerGenerator.generate(options, out::println);
    out.printf("Ledger written to %s in %.1fs%n", summary.out(), (System.nanoTime() - started) / 1e9);
    summary.rowsByTable().forEach((table, rows) -> out.printf("  %-10s %,12d rows%n", table, rows));
    out.printf("  %,d replays, %,d late events, %,d broken rows (truth in %s)%n",
        summary.replays(), summary.lateEvents(), summary.brokenTotal(), summary.out().resolve("_truth"));
    return summary;
  }

  private static LedgerFormat format(String value) {
    try {
      return LedgerFormat.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("Invalid --format: '" + value + "' (parquet, csv or mixed)");
    }
  }
}
