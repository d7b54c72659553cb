package io.giftpay.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.income.DependencyBand;
import io.giftpay.oracle.ContractPolicy;
import io.giftpay.oracle.LedgerCsv;
import io.giftpay.oracle.PayoutOracle;
import io.giftpay.sample.GeneratorOptions;
import io.giftpay.sample.LedgerFormat;
import io.giftpay.sample.LedgerGenerator;
import io.giftpay.spark.SparkTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code creator_income} end to end: three generated CSV nights through the real {@code giftpay
 * nightly} command, compared with a plain-Java reading of the ledger (accepted gifts: not listed as
 * broken in the generator's truth file, first copy of each event_id), for every creator and night.
 * A second warehouse loses its kept 30-night window after night 2, so night 3 rebuilds it from the
 * kept summaries; its table must be the same bytes as the rolled one.
 */
class CreatorIncomeEndToEndTest extends SparkTestBase {
  private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
  private static final LocalDate TO = LocalDate.of(2026, 11, 3);
  private static final String RULES_DIR_PROPERTY = "giftpay.rules.dir";

  @TempDir static Path tmp;

  private static final String MODEL_PROPERTY = "giftpay.model.enabled";
  private static Path ledger;
  private static Path rolled;
  private static Path rebuilt;
  private static ContractPolicy policy;
  private static final Map<String, String> propertiesBefore = new HashMap<>();

  @BeforeAll
  static void generateAndRunNights() throws IOException {
    Path rules = Path.of("../../rules").toAbsolutePath().normalize();
    propertiesBefore.put(RULES_DIR_PROPERTY, System.getProperty(RULES_DIR_PROPERTY));
    propertiesBefore.put(Logs.PROPERTY, System.getProperty(Logs.PROPERTY));
    System.setProperty(RULES_DIR_PROPERTY, rules.toString());
    policy = ContractPolicy.read(rules.resolve("payout-policy.properties"));

    ledger = tmp.resolve("ledger");
    LedgerGenerator.generate(
        new GeneratorOptions(
            ledger,
            FROM,
            3,
            600,
            40,
            11L,
            LedgerFormat.CSV,
            GiftCatalogue.load(rules.resolve("gift-catalogue.csv")).coinsByGiftId()),
        line -> {});
    rolled = tmp.resolve("rolled");
    rebuilt = tmp.resolve("rebuilt");
    // The model plays no part in creator_income; without it a night costs half as much.
    propertiesBefore.put(MODEL_PROPERTY, System.getProperty(MODEL_PROPERTY));
    System.setProperty(MODEL_PROPERTY, "false");
    nightly(rolled, "--from", FROM.toString(), "--to", TO.minusDays(1).toString());
    // The rebuilt warehouse is the rolled one up to the night before, less its kept window.
    copyTree(rolled, rebuilt);
    nightly(rolled, "--date", TO.toString());
    Path window = rebuilt.resolve("_giftpay/daily/creator_gifters_30d/dt=" + TO.minusDays(1));
    assertTrue(
        Files.isDirectory(window),
        "night " + TO.minusDays(1) + " kept no 30-night window at " + window);
    deleteTree(window);
    nightly(rebuilt, "--date", TO.toString());
  }

  @AfterAll
  static void restoreProperties() {
    propertiesBefore.forEach(
        (key, value) -> {
          if (value == null) {
            System.clearProperty(key);
          } else {
            System.setProperty(key, value);
          }
        });
  }

  @Test
  void everyCreatorOfEveryNightEqualsThePlainJavaReading() {
    Map<LocalDate, Map<String, Map<String, Long>>> nights = acceptedDiamondsByNightCreatorSender();
    List<String> problems = new ArrayList<>();
    int highOrMedium = 0;
    for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
      // The window is the 30 nights ending D: here every night so far.
      Map<String, Map<String, Long>> window = new TreeMap<>();
      for (LocalDate n = d.minusDays(29); !n.isAfter(d); n = n.plusDays(1)) {
        nights
            .getOrDefault(n, Map.of())
            .forEach(
                (creator, senders) ->
                    senders.forEach(
                        (sender, diamonds) ->
                            window
                                .computeIfAbsent(creator, c -> new TreeMap<>())
                                .merge(sender, diamonds, Math::addExact)));
      }
      Map<String, Map<String, Long>> today = nights.getOrDefault(d, Map.of());
      List<Row> rows =
          spark.read().parquet(rolled.resolve("creator_income/dt=" + d).toString()).collectAsList();
      Map<String, Row> byCreator = new TreeMap<>();
      rows.forEach(r -> byCreator.put(r.getAs("creator_id"), r));
      if (byCreator.size() != rows.size()) {
        problems.add("night " + d + ": a creator has more than one row");
      }
      if (!byCreator.keySet().equals(window.keySet())) {
        problems.add(
            "night "
                + d
                + ": creators "
                + byCreator.keySet()
                + ", expected those credited in 30 nights "
                + window.keySet());
      }
      for (Map.Entry<String, Map<String, Long>> e : window.entrySet()) {
        String where = "night " + d + ", creator " + e.getKey() + ": ";
        Row got = byCreator.get(e.getKey());
        if (got == null) {
          continue;
        }
        List<Long> diamonds =
            e.getValue().values().stream().sorted((a, b) -> Long.compare(b, a)).toList();
        long total = diamonds.stream().mapToLong(Long::longValue).sum();
        long todayDiamonds =
            today.getOrDefault(e.getKey(), Map.of()).values().stream()
                .mapToLong(Long::longValue)
                .sum();
        BigDecimal usd30d = policy.diamondValueUsd().multiply(BigDecimal.valueOf(total));
        BigDecimal usdToday = policy.diamondValueUsd().multiply(BigDecimal.valueOf(todayDiamonds));
        double top = diamonds.get(0) / (double) total;
        double top5 = diamonds.stream().limit(5).mapToLong(Long::longValue).sum() / (double) total;
        double hhi =
            diamonds.stream().mapToDouble(x -> (x / (double) total) * (x / (double) total)).sum();
        String band = DependencyBand.of(usd30d, top, top5, hhi).label();
        highOrMedium += band.equals("low") ? 0 : 1;

        exact(where + "usd_30d", got.getAs("usd_30d"), usd30d, problems);
        exact(where + "usd_today", got.getAs("usd_today"), usdToday, problems);
        if (got.<Long>getAs("gifters_30d") != diamonds.size()) {
          problems.add(
              where + "gifters_30d " + got.getAs("gifters_30d") + ", expected " + diamonds.size());
        }
        close(where + "top_gifter_share", got.getAs("top_gifter_share"), top, problems);
        close(where + "top5_share", got.getAs("top5_share"), top5, problems);
        close(where + "concentration", got.getAs("concentration"), hhi, problems);
        if (!band.equals(got.getAs("band"))) {
          problems.add(where + "band " + got.getAs("band") + ", expected " + band);
        }
        if (!d.equals(got.getAs("business_date"))) {
          problems.add(where + "business_date " + got.getAs("business_date"));
        }
      }
    }
    assertTrue(
        problems.isEmpty(),
        () -> problems.size() + " creator_income mismatches:\n" + String.join("\n", problems));
    assertTrue(
        highOrMedium > 0, "no creator is in the medium or high band: the bands were not exercised");
  }

  @Test
  void aRebuiltWindowPublishesTheSameBytesAsTheRolledOne() throws IOException {
    Path a = onlyParquet(rolled.resolve("creator_income/dt=" + TO));
    Path b = onlyParquet(rebuilt.resolve("creator_income/dt=" + TO));
    assertEquals(
        -1,
        Files.mismatch(a, b),
        "creator_income of " + TO + " differs between a rolled and a rebuilt window");
    assertTrue(
        Files.isDirectory(rebuilt.resolve("_giftpay/daily/creator_gifters_30d/dt=" + TO)),
        "the rebuilt window was not kept");
  }

  @Test
  void thePublishedColumnsAreTheContractsInOrder() {
    List<String> columns = new ArrayList<>();
    for (var f :
        spark
            .read()
            .parquet(rolled.resolve("creator_income/dt=" + TO).toString())
            .schema()
            .fields()) {
      columns.add(f.name() + " " + f.dataType().sql());
    }
    assertEquals(
        List.of(
            "creator_id STRING",
            "usd_today DECIMAL(22,4)",
            "usd_30d DECIMAL(22,4)",
            "gifters_30d BIGINT",
            "top_gifter_share DOUBLE",
            "top5_share DOUBLE",
            "concentration DOUBLE",
            "band STRING",
            "business_date DATE"),
        columns);
  }

  /** Accepted gifts per night: not listed as broken, and the first copy of each event_id only. */
  private static Map<LocalDate, Map<String, Map<String, Long>>>
      acceptedDiamondsByNightCreatorSender() {
    Set<String> broken = new HashSet<>();
    for (PayoutOracle.BrokenRow row : new PayoutOracle(ledger, policy).brokenRows()) {
      if (row.table().equals("gifts")) {
        broken.add(row.eventId());
      }
    }
    LedgerCsv csv = new LedgerCsv(ledger);
    Set<String> seen = new HashSet<>();
    Map<LocalDate, Map<String, Map<String, Long>>> out = new TreeMap<>();
    for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
      Map<String, Map<String, Long>> night = out.computeIfAbsent(d, x -> new TreeMap<>());
      for (Map<String, String> gift : csv.rows("gifts", d)) {
        String id = gift.get("event_id");
        if (broken.contains(id) || !seen.add(id)) {
          continue;
        }
        long diamonds =
            Math.multiplyExact(Long.parseLong(gift.get("coins")), policy.diamondsPerCoin());
        night
            .computeIfAbsent(gift.get("creator_id"), c -> new TreeMap<>())
            .merge(gift.get("sender_id"), diamonds, Math::addExact);
      }
    }
    return out;
  }

  private static void exact(String what, BigDecimal got, BigDecimal want, List<String> problems) {
    if (got == null || got.compareTo(want) != 0) {
      problems.add(what + " " + got + ", expected " + want.toPlainString());
    }
  }

  private static void close(String what, Double got, double want, List<String> problems) {
    if (got == null || Math.abs(got - want) > 1e-12) {
      problems.add(what + " " + got + ", expected " + want);
    }
  }

  private static Path onlyParquet(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> parquet = files.filter(f -> f.toString().endsWith(".parquet")).toList();
      assertEquals(1, parquet.size(), () -> dir + " holds " + parquet);
      return parquet.get(0);
    }
  }

  private static void nightly(Path warehouse, String... dates) {
    List<String> args = new ArrayList<>(List.of("nightly"));
    args.addAll(List.of(dates));
    args.addAll(List.of("--ledger", ledger.toString(), "--warehouse", warehouse.toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      status = Giftpay.run(args, o, e);
    }
    int exit = status;
    assertEquals(
        0,
        exit,
        () ->
            "giftpay "
                + String.join(" ", args)
                + " exited "
                + exit
                + "\n--- stdout ---\n"
                + out.toString(UTF_8)
                + "--- stderr ---\n"
                + err.toString(UTF_8));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (java.util.stream.Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Files.copy(
            source,
            to.resolve(from.relativize(source).toString()),
            java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted((x, y) -> y.compareTo(x)).toList()) {
        Files.delete(p);
      }
    }
  }
}
