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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code giftpay generate}: writes a synthetic ledger in the contract's layout. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    header = "write a synthetic ledger in the contract's layout",
    description = {
      "Writes a deterministic synthetic ledger under DIR in the contract's layout"
          + " (<table>/dt=YYYY-MM-DD/...): gifts, recharges, reversals, rewards, and accounts and fx_rates"
          + " snapshots, with late events, replays and broken rows of every quarantine reason, and labelled"
          + " fraud and overspending patterns beside innocent look-alikes (families sharing a card, whales,"
          + " creators gifting each other small amounts, ...). The same options give byte-identical files.",
      "",
      "DIR/_truth/ says which rows were broken on purpose and why, and which accounts are in a pattern"
          + " (labels.csv). Gifts per day are about 1.5 x users (--users 700000 gives about a million gifts"
          + " a day). The log is DIR/_giftpay-generate.log.",
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "output folder (its table folders are replaced)")
  Path target;

  @Option(
      names = "--start",
      paramLabel = "D",
      required = true,
      description = "first landing date, YYYY-MM-DD")
  LocalDate start;

  @Option(
      names = "--days",
      paramLabel = "N",
      required = true,
      description = "number of days, 1 to 366")
  int days;

  @Option(
      names = "--users",
      paramLabel = "N",
      required = true,
      description = "accounts, creators included (at least 10)")
  int users;

  @Option(
      names = "--creators",
      paramLabel = "N",
      required = true,
      description = "creators among them (at least 1, fewer than --users)")
  int creators;

  @Option(
      names = "--seed",
      paramLabel = "S",
      required = true,
      description = "random seed (a whole number)")
  long seed;

  @Option(
      names = "--format",
      paramLabel = "F",
      defaultValue = "parquet",
      description = "parquet (default), csv, or mixed (both in each partition)")
  LedgerFormat format;

  @Option(
      names = "--pattern-scale",
      paramLabel = "X",
      description =
          "fraud patterns as a multiple of their default rate per 1,000 users, 0 to 100 (default "
              + GeneratorOptions.DEFAULT_PATTERN_SCALE
              + "; 0 = no patterns, no look-alikes)")
  Double patternScale;

  @Option(
      names = "--lookalike-scale",
      paramLabel = "X",
      description = "innocent look-alikes likewise, 0 to 100 (default: the pattern scale)")
  Double lookalikeScale;

  @Mixin ConfigOption config;

  @Override
  public Integer call() {
    Usage.range(spec, "--days", days, 1, 366);
    Usage.atLeast(spec, "--users", users, 10);
    Usage.range(spec, "--creators", creators, 1, users - 1);
    double patterns =
        Usage.range(
            spec,
            "--pattern-scale",
            patternScale == null ? GeneratorOptions.DEFAULT_PATTERN_SCALE : patternScale,
            0,
            100);
    double lookalikes =
        Usage.range(
            spec, "--lookalike-scale", lookalikeScale == null ? patterns : lookalikeScale, 0, 100);
    GiftpayConfig settings = config.load();
    Logs.useFile(target.toAbsolutePath().normalize().resolve("_giftpay-generate.log"));
    GiftCatalogue catalogue = GiftCatalogue.load(settings.catalogueFile());
    generate(
        new GeneratorOptions(
                target, start, days, users, creators, seed, format, catalogue.coinsByGiftId())
            .withScales(patterns, lookalikes),
        Giftpay.out(spec));
    return Giftpay.OK;
  }

  static GenerationSummary generate(GeneratorOptions options, PrintStream out) {
    long started = System.nanoTime();
    GenerationSummary summary = LedgerGenerator.generate(options, out::println);
    out.printf(
        "Ledger written to %s in %.1fs%n", summary.out(), (System.nanoTime() - started) / 1e9);
    summary.rowsByTable().forEach((table, rows) -> out.printf("  %-10s %,12d rows%n", table, rows));
    out.printf(
        "  %,d replays, %,d late events, %,d broken rows (truth in %s)%n",
        summary.replays(),
        summary.lateEvents(),
        summary.brokenTotal(),
        summary.out().resolve("_truth"));
    return summary;
  }
}
