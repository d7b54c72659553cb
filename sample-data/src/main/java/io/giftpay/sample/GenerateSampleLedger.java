package io.giftpay.sample;

import io.giftpay.catalogue.GiftCatalogue;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * Regenerates the committed sample ledger: 7 days from 2026-11-01, MIXED format, 3,000 users of
 * whom 150 creators, seed 42, with the real catalogue.
 *
 * <pre>
 * java -cp ... io.giftpay.sample.GenerateSampleLedger sample-data/ledger rules/gift-catalogue.csv
 * </pre>
 */
public final class GenerateSampleLedger {
  public static final LocalDate START = LocalDate.of(2026, 11, 1);
  public static final int DAYS = 7;
  public static final int USERS = 3_000;
  public static final int CREATORS = 150;
  public static final long SEED = 42L;

  private GenerateSampleLedger() {}

  public static GeneratorOptions options(Path out, Map<String, Long> catalogue) {
    return new GeneratorOptions(
        out, START, DAYS, USERS, CREATORS, SEED, LedgerFormat.MIXED, catalogue);
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: GenerateSampleLedger <out dir> <gift-catalogue.csv>");
      System.exit(2);
    }
    Map<String, Long> catalogue = GiftCatalogue.load(Path.of(args[1])).coinsByGiftId();
    GenerationSummary s =
        LedgerGenerator.generate(options(Path.of(args[0]), catalogue), System.out::println);
    System.out.println("rows: " + s.rowsByTable());
    System.out.println("broken: " + s.brokenByReason());
    System.out.println("replays: " + s.replays() + ", late: " + s.lateEvents());
  }
}
