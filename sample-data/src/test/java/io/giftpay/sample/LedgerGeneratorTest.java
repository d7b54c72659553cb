package io.giftpay.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.ledger.ContractColumn;
import io.giftpay.ledger.LedgerTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerGeneratorTest {
  static final LocalDate START = LocalDate.of(2026, 11, 1);
  static final List<String> EVENT_TABLES = List.of("gifts", "recharges", "reversals", "rewards");

  Path tmp;

  Map<String, Long> catalogue;
  Path csvRun;
  GenerationSummary csvSummary;
  Path mixedA;
  Path mixedB;
  Path mixedOtherSeed;
  GenerationSummary mixedSummary;
  List<String> progress = new ArrayList<>();

  GeneratorOptions options(Path out, int users, int creators, long seed, LedgerFormat f, int days) {
    return new GeneratorOptions(out, START, days, users, creators, seed, f, catalogue);
  }

  @BeforeAll
  void generate(@TempDir Path dir) throws IOException {
    tmp = dir;
    catalogue = GiftCatalogue.load(Path.of("..", "rules", "gift-catalogue.csv")).coinsByGiftId();
    csvRun = tmp.resolve("csv");
    csvSummary =
        LedgerGenerator.generate(
            options(csvRun, 2_000, 100, 7, LedgerFormat.CSV, 5), progress::add);
    mixedA = tmp.resolve("mixedA");
    mixedB = tmp.resolve("mixedB");
    mixedOtherSeed = tmp.resolve("mixedC");
    mixedSummary =
        LedgerGenerator.generate(options(mixedA, 400, 30, 11, LedgerFormat.MIXED, 7), s -> {});
    LedgerGenerator.generate(options(mixedB, 400, 30, 11, LedgerFormat.MIXED, 7), s -> {});
    LedgerGenerator.generate(options(mixedOtherSeed, 400, 30, 12, LedgerFormat.MIXED, 7), s -> {});
  }

  static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return m;
  }

  @Test
  void validatesOptions() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> options(tmp, 0, 1, 1, LedgerFormat.CSV, 1));
    assertEquals("Invalid users: 0 (must be at least 10)", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> options(tmp, 100, 1, 1, LedgerFormat.CSV, 0));
    assertThrows(
        IllegalArgumentException.class, () -> options(tmp, 100, 1, 1, LedgerFormat.CSV, 367));
    assertThrows(
        IllegalArgumentException.class, () -> options(tmp, 100, 0, 1, LedgerFormat.CSV, 1));
    assertThrows(
        IllegalArgumentException.class, () -> options(tmp, 100, 100, 1, LedgerFormat.CSV, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new GeneratorOptions(tmp, START, 1, 100, 5, 1, LedgerFormat.CSV, Map.of()));
    assertEquals(1.0, options(tmp, 100, 5, 1, LedgerFormat.CSV, 1).patternScale());
    assertEquals(
        0.0, options(tmp, 100, 5, 1, LedgerFormat.CSV, 1).withoutPatterns().patternScale());
    assertThrows(
        IllegalArgumentException.class,
        () -> options(tmp, 100, 5, 1, LedgerFormat.CSV, 1).withPatternScale(-1));
    assertThrows(
        IllegalArgumentException.class,
        () -> options(tmp, 100, 5, 1, LedgerFormat.CSV, 1).withPatternScale(Double.NaN));
  }

  @Test
  void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
    Map<String, byte[]> a = contents(mixedA);
    Map<String, byte[]> b = contents(mixedB);
    assertEquals(a.keySet(), b.keySet());
    for (String k : a.keySet()) {
      assertArrayEquals(a.get(k), b.get(k), k);
    }
    Map<String, byte[]> c = contents(mixedOtherSeed);
    String gifts = "gifts/dt=2026-11-01/gifts-20261101-0.parquet";
    assertFalse(java.util.Arrays.equals(a.get(gifts), c.get(gifts)));
    assertFalse(
        java.util.Arrays.equals(
            a.get("accounts/dt=2026-11-01/accounts-20261101.parquet"),
            c.get("accounts/dt=2026-11-01/accounts-20261101.parquet")));
  }

  @Test
  void layoutHasEveryTableAndDay() throws IOException {
    for (String t : EVENT_TABLES) {
      for (int d = 0; d < 7; d++) {
        Path p = mixedA.resolve(t).resolve("dt=" + START.plusDays(d));
        List<Path> files = LedgerFiles.files(p);
        assertEquals(2, files.size(), p.toString());
        assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".parquet")), p.toString());
        assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".csv")), p.toString());
      }
    }
    // snapshots: day 1 and a few later days, alternating formats
    assertEquals(
        List.of("dt=2026-11-01", "dt=2026-11-03", "dt=2026-11-05", "dt=2026-11-07"),
        LedgerFiles.partitions(mixedA, "accounts").stream()
            .map(p -> p.getFileName().toString())
            .toList());
    assertEquals(
        List.of("dt=2026-11-01", "dt=2026-11-02", "dt=2026-11-04", "dt=2026-11-06"),
        LedgerFiles.partitions(mixedA, "fx_rates").stream()
            .map(p -> p.getFileName().toString())
            .toList());
    assertTrue(Files.exists(mixedA.resolve("accounts/dt=2026-11-01/accounts-20261101.parquet")));
    assertTrue(Files.exists(mixedA.resolve("accounts/dt=2026-11-03/accounts-20261103.csv")));
    try (Stream<Path> s = Files.walk(mixedA)) {
      assertTrue(s.noneMatch(p -> p.toString().endsWith(".crc")), "no .crc files");
    }
    for (String f :
        List.of(
            "broken_rows.csv",
            "replays.csv",
            "late_events.csv",
            "labels.csv",
            "lookalikes.csv",
            "README.md")) {
      assertTrue(Files.exists(mixedA.resolve("_truth").resolve(f)), f);
    }
    // the standard patterns are on by default
    List<List<String>> labels = Csv.read(mixedA.resolve("_truth/labels.csv"));
    assertEquals(List.of("account_id", "role", "pattern"), labels.get(0));
    assertTrue(labels.size() > 10, "labels: " + labels.size());
    assertEquals(
        List.of("account_id", "role", "kind"),
        Csv.read(mixedA.resolve("_truth/lookalikes.csv")).get(0));
  }

  @Test
  void parquetFilesReadBackWithContractColumnsAndTypes() throws IOException {
    for (LedgerTable t : LedgerTable.values()) {
      List<String> expected = t.columns().stream().map(ContractColumn::name).toList();
      for (Path p : LedgerFiles.partitions(mixedA, t.tableName())) {
        for (Path f : LedgerFiles.files(p)) {
          if (!f.toString().endsWith(".parquet")) {
            continue;
          }
          try (ParquetFileReader r =
              ParquetFileReader.open(
                  HadoopInputFile.fromPath(
                      new org.apache.hadoop.fs.Path(f.toUri()),
                      new org.apache.hadoop.conf.Configuration()))) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            assertEquals(expected, schema.getFields().stream().map(x -> x.getName()).toList());
            assertEquals(ParquetRowWriter.schema(t), schema);
          }
          List<String> cols = LedgerFiles.parquetColumns(f);
          if (cols != null) {
            assertEquals(expected, cols);
          }
        }
      }
    }
    // canonical footers: encodings sorted, so another JVM writes the same bytes
    for (LedgerTable t : LedgerTable.values()) {
      for (Path p : LedgerFiles.partitions(mixedA, t.tableName())) {
        for (Path f : LedgerFiles.files(p)) {
          if (!f.toString().endsWith(".parquet")) {
            continue;
          }
          byte[] bytes = Files.readAllBytes(f);
          int len =
              java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 4)
                  .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                  .getInt();
          org.apache.parquet.format.FileMetaData footer =
              org.apache.parquet.format.Util.readFileMetaData(
                  new java.io.ByteArrayInputStream(bytes, bytes.length - 8 - len, len));
          for (org.apache.parquet.format.RowGroup g : footer.getRow_groups()) {
            for (org.apache.parquet.format.ColumnChunk c : g.getColumns()) {
              List<Integer> enc =
                  c.getMeta_data().getEncodings().stream().map(e -> e.getValue()).toList();
              assertEquals(enc.stream().sorted().toList(), enc, f.toString());
            }
          }
        }
      }
    }
    MessageType gifts = ParquetRowWriter.schema(LedgerTable.GIFTS);
    assertTrue(
        gifts.getType("event_time").toString().contains("TIMESTAMP(MICROS,true)"),
        gifts.toString());
    assertTrue(
        ParquetRowWriter.schema(LedgerTable.RECHARGES)
            .getType("amount")
            .toString()
            .contains("DECIMAL(18,2)"));
    assertTrue(
        ParquetRowWriter.schema(LedgerTable.FX_RATES)
            .getType("units_per_usd")
            .toString()
            .contains("DECIMAL(18,8)"));
    List<LedgerFiles.Row> fx = LedgerFiles.readPartition(mixedA.resolve("fx_rates/dt=2026-11-01"));
    Map<String, String> rates =
        fx.stream().collect(Collectors.toMap(r -> r.get("currency"), r -> r.get("units_per_usd")));
    assertEquals("151.30000000", rates.get("JPY"));
    assertEquals("0.30700000", rates.get("KWD"));
  }

  @Test
  void csvHasHeaderAndQuotesFieldsThatNeedIt() throws IOException {
    for (LedgerTable t : LedgerTable.values()) {
      Set<String> expected =
          t.columns().stream().map(ContractColumn::name).collect(Collectors.toSet());
      for (Path p : LedgerFiles.partitions(csvRun, t.tableName())) {
        for (Path f : LedgerFiles.files(p)) {
          List<String> header = Csv.read(f).get(0);
          assertEquals(expected, new HashSet<>(header), f.toString());
          assertEquals(expected.size(), header.size());
        }
      }
    }
    String quoted = "\"top-fan \"\"gold\"\", week 45\"";
    boolean found = false;
    for (Path p : LedgerFiles.partitions(csvRun, "rewards")) {
      for (Path f : LedgerFiles.files(p)) {
        String text = Files.readString(f);
        assertTrue(text.contains("\r\n"), "CRLF line ends");
        found |= text.contains(quoted);
      }
    }
    assertTrue(found, "a campaign_id with a comma and quotes is written quoted");
    List<LedgerFiles.Row> rewards = LedgerFiles.readTable(csvRun, "rewards");
    assertTrue(
        rewards.stream().anyMatch(r -> "top-fan \"gold\", week 45".equals(r.get("campaign_id"))));
    assertTrue(rewards.stream().anyMatch(r -> "noël-2026".equals(r.get("campaign_id"))), "UTF-8");
    String gifts = Files.readString(csvRun.resolve("gifts/dt=2026-11-02/gifts-20261102-0.csv"));
    assertTrue(
        gifts.contains("+02:00,") && gifts.contains("-05:00,") && gifts.contains("Z,"), "offsets");
  }

  @Test
  void brokenRowsCoverEveryReasonAndFailExactlyTheirCheck() throws IOException {
    ContractCheck check = new ContractCheck(csvRun, catalogue);
    List<List<String>> truth = Csv.read(csvRun.resolve("_truth/broken_rows.csv"));
    assertEquals(List.of("event_id", "table", "dt", "intended_reason"), truth.get(0));
    Map<String, String> intended = new HashMap<>();
    Set<ReasonCode> codes = EnumSet.noneOf(ReasonCode.class);
    for (List<String> r : truth.subList(1, truth.size())) {
      intended.put(r.get(0) + "|" + r.get(2), r.get(3));
      codes.add(ReasonCode.valueOf(r.get(3)));
    }
    assertEquals(EnumSet.allOf(ReasonCode.class), codes);
    assertEquals(csvSummary.brokenTotal(), intended.size());
    int seenBroken = 0;
    long gifts = 0;
    for (String t : EVENT_TABLES) {
      for (LedgerFiles.Row row : LedgerFiles.readTable(csvRun, t)) {
        String want = intended.get(row.get("event_id") + "|" + row.dt());
        String got = check.reason(t, row);
        assertEquals(want, got, t + " " + row.values());
        if (want != null) {
          seenBroken++;
        }
        if (t.equals("gifts") && got == null) {
          gifts++;
          assertEquals(
              Long.parseLong(row.get("coins")),
              Integer.parseInt(row.get("quantity")) * catalogue.get(row.get("gift_id")));
        }
      }
    }
    assertEquals(intended.size(), seenBroken);
    assertTrue(gifts > 10_000, "valid gifts: " + gifts);
    for (ReasonCode c : ReasonCode.values()) {
      assertTrue(csvSummary.brokenByReason().get(c.name()) > 0, c.name());
    }
  }

  @Test
  void replaysShareAllFieldsWithTheirOriginalsAndLateEventsPrecedeTheirDt() throws IOException {
    for (Path run : List.of(csvRun, mixedA)) {
      Map<String, List<LedgerFiles.Row>> byId = new HashMap<>();
      long lateRows = 0;
      for (String t : EVENT_TABLES) {
        for (LedgerFiles.Row r : LedgerFiles.readTable(run, t)) {
          byId.computeIfAbsent(r.get("event_id"), k -> new ArrayList<>()).add(r);
        }
      }
      Map<String, List<String>> replays = new HashMap<>();
      List<List<String>> replayTruth = Csv.read(run.resolve("_truth/replays.csv"));
      for (List<String> r : replayTruth.subList(1, replayTruth.size())) {
        replays.put(r.get(0), r);
      }
      long extra = 0;
      for (Map.Entry<String, List<LedgerFiles.Row>> e : byId.entrySet()) {
        List<LedgerFiles.Row> copies = e.getValue();
        if (copies.size() > 1) {
          extra += copies.size() - 1;
          assertEquals(2, copies.size(), e.getKey());
          assertEquals(copies.get(0).values(), copies.get(1).values(), e.getKey());
          assertNotNull(replays.get(e.getKey()), e.getKey());
          if (copies.get(0).dt().equals(copies.get(1).dt())) {
            assertFalse(
                copies.get(0).file().equals(copies.get(1).file()),
                "same-day replay in another file");
          }
        }
      }
      assertEquals(replays.size(), extra);
      assertTrue(extra > 0);
      List<List<String>> late = Csv.read(run.resolve("_truth/late_events.csv"));
      Set<String> lateIds = new HashSet<>();
      for (List<String> r : late.subList(1, late.size())) {
        lateIds.add(r.get(0));
        assertTrue(LocalDate.parse(r.get(2)).isBefore(LocalDate.parse(r.get(3))));
      }
      for (List<LedgerFiles.Row> copies : byId.values()) {
        for (LedgerFiles.Row r : copies) {
          String ts = r.get("event_time");
          if (lateIds.contains(r.get("event_id"))) {
            Instant dtStart = LocalDate.parse(r.dt()).atStartOfDay(ZoneOffset.UTC).toInstant();
            assertTrue(Instant.parse(ts).isBefore(dtStart), r.values().toString());
            lateRows++;
          }
        }
      }
      assertTrue(lateRows >= lateIds.size());
      assertTrue(lateIds.size() > 0);
    }
    assertEquals(Csv.read(csvRun.resolve("_truth/replays.csv")).size() - 1, csvSummary.replays());
    assertEquals(
        Csv.read(csvRun.resolve("_truth/late_events.csv")).size() - 1, csvSummary.lateEvents());
  }

  @Test
  void spendIsHeavyTailedAndVolumeFollowsTheFormula() throws IOException {
    Map<String, Long> bySender = new HashMap<>();
    for (LedgerFiles.Row r : LedgerFiles.readTable(csvRun, "gifts")) {
      try {
        bySender.merge(r.get("sender_id"), Long.parseLong(r.get("coins")), Long::sum);
      } catch (RuntimeException e) {
        // broken row
      }
    }
    List<Long> v = bySender.values().stream().sorted((a, b) -> Long.compare(b, a)).toList();
    long total = v.stream().mapToLong(Long::longValue).sum();
    long top = v.subList(0, Math.max(1, v.size() / 100)).stream().mapToLong(Long::longValue).sum();
    assertTrue(top > 0.25 * total, "top 1% of senders give " + (double) top / total);
    // 5 days from Sunday 2026-11-01 with 2,000 users: 1.5 × 2000 × (1.2 + 0.85 + 0.85 + 0.9 + 0.9)
    long expected = Math.round(1.5 * 2000 * (1.2 + 0.85 + 0.85 + 0.9 + 0.9));
    long gifts =
        csvSummary.rows("gifts")
            - csvSummary.replays() / 2
            - csvSummary.brokenTotal()
            - csvSummary.patternRows("gifts");
    assertTrue(csvSummary.patternRows("gifts") > 0);
    assertTrue(Math.abs(gifts - expected) < 0.03 * expected, gifts + " vs " + expected);
    assertEquals(5, progress.size());
    assertTrue(progress.get(0).startsWith("2026-11-01:"), progress.get(0));
  }

  @Test
  void accountsAndFxHaveTheEdgeCases() throws IOException {
    List<LedgerFiles.Row> first =
        LedgerFiles.readPartition(mixedA.resolve("accounts/dt=2026-11-01"));
    List<LedgerFiles.Row> last =
        LedgerFiles.readPartition(mixedA.resolve("accounts/dt=2026-11-07"));
    assertTrue(last.size() > first.size(), "accounts sign up during the week");
    assertTrue(first.stream().anyMatch(r -> "2008-02-29".equals(r.get("birth_date"))));
    assertTrue(
        first.stream()
            .anyMatch(r -> r.get("birth_date") == null && "true".equals(r.get("is_creator"))));
    Set<String> currencies =
        first.stream()
            .filter(r -> "true".equals(r.get("is_creator")))
            .map(r -> r.get("payout_currency"))
            .collect(Collectors.toSet());
    assertTrue(
        currencies.containsAll(
            Set.of(
                "USD", "EUR", "GBP", "BRL", "IDR", "JPY", "KRW", "KWD", "BHD", "MXN", "TRY",
                "PHP")),
        currencies.toString());
    long kycFirst =
        first.stream()
            .filter(r -> "true".equals(r.get("kyc_verified")) && "true".equals(r.get("is_creator")))
            .count();
    long kycLast =
        last.stream()
            .filter(r -> "true".equals(r.get("kyc_verified")) && "true".equals(r.get("is_creator")))
            .count();
    assertTrue(kycLast > kycFirst, "a creator gets KYC later");
    Set<String> fxFirst =
        LedgerFiles.readPartition(mixedA.resolve("fx_rates/dt=2026-11-01")).stream()
            .map(r -> r.get("currency"))
            .collect(Collectors.toSet());
    Set<String> fxLater =
        LedgerFiles.readPartition(mixedA.resolve("fx_rates/dt=2026-11-04")).stream()
            .map(r -> r.get("currency"))
            .collect(Collectors.toSet());
    assertTrue(fxFirst.contains("TRY"));
    assertFalse(fxLater.contains("TRY"));
    LocalDate end = START.plusDays(6);
    assertTrue(
        first.stream()
            .anyMatch(
                r ->
                    r.get("birth_date") != null
                        && "true".equals(r.get("is_creator"))
                        && LocalDate.parse(r.get("birth_date")).plusYears(18).isAfter(START)
                        && !LocalDate.parse(r.get("birth_date")).plusYears(18).isAfter(end)),
        "a creator turns 18 this week");
  }

  @Test
  void injectedPatternsAddAccountsEventsAndLabels() throws IOException {
    Path out = tmp.resolve("pattern");
    InjectedPattern p =
        new InjectedPattern() {
          @Override
          public String name() {
            return "test_ring";
          }

          @Override
          public List<PatternAccount> accounts(PatternContext ctx) {
            return List.of(
                new PatternAccount(
                    0,
                    new Object[] {
                      ctx.newAccountId(0),
                      ctx.dayStart(0).minusSeconds(86_400),
                      null,
                      "US",
                      false,
                      false,
                      null,
                      null,
                      null
                    }));
          }

          @Override
          public void events(
              PatternContext ctx, LedgerTable table, int day, Consumer<Object[]> sink) {
            if (table == LedgerTable.GIFTS && day == 1) {
              sink.accept(
                  new Object[] {
                    "g-ring-1",
                    ctx.dayStart(1).plusSeconds(60),
                    ctx.newAccountId(0),
                    ctx.userId(0),
                    "lv-ring",
                    "rose",
                    1,
                    1L,
                    "dv-ring",
                    "US"
                  });
            }
          }

          @Override
          public List<Label> labels(PatternContext ctx) {
            return List.of(new Label(ctx.newAccountId(0), "sender", name()));
          }
        };
    LedgerGenerator.generate(options(out, 100, 10, 3, LedgerFormat.MIXED, 2), List.of(p), s -> {});
    List<List<String>> labels = Csv.read(out.resolve("_truth/labels.csv"));
    assertEquals(2, labels.size());
    assertEquals("test_ring", labels.get(1).get(2));
    String id = labels.get(1).get(0);
    assertTrue(
        LedgerFiles.readTable(out, "accounts").stream().anyMatch(r -> id.equals(r.get("user_id"))));
    LedgerFiles.Row gift =
        LedgerFiles.readTable(out, "gifts").stream()
            .filter(r -> "g-ring-1".equals(r.get("event_id")))
            .findFirst()
            .orElseThrow();
    assertEquals("2026-11-02", gift.dt());
    assertNull(new ContractCheck(out, catalogue).reason("gifts", gift));
  }

  @Test
  void parquetOnlyFormatHasNoCsvAndStillInjectsTypedBrokenRows() throws IOException {
    Path out = tmp.resolve("parquet");
    GenerationSummary s =
        LedgerGenerator.generate(options(out, 300, 20, 5, LedgerFormat.PARQUET, 3), x -> {});
    try (Stream<Path> w = Files.walk(out)) {
      assertTrue(
          w.filter(p -> !p.toString().contains("_truth"))
              .noneMatch(p -> p.toString().endsWith(".csv")));
    }
    assertEquals(0L, s.brokenByReason().get("BAD_VALUE"));
    assertTrue(s.brokenByReason().get("MISSING_FIELD") > 0);
    ContractCheck check = new ContractCheck(out, catalogue);
    Map<String, String> intended = new HashMap<>();
    List<List<String>> truth = Csv.read(out.resolve("_truth/broken_rows.csv"));
    for (List<String> r : truth.subList(1, truth.size())) {
      intended.put(r.get(0), r.get(3));
    }
    for (String t : EVENT_TABLES) {
      for (LedgerFiles.Row row : LedgerFiles.readTable(out, t)) {
        assertEquals(
            intended.get(row.get("event_id")), check.reason(t, row), row.values().toString());
      }
    }
  }
}
