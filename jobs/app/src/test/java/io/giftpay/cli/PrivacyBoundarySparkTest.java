package io.giftpay.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.night.RestrictedQuarantine;
import io.giftpay.sample.GeneratorOptions;
import io.giftpay.sample.LedgerFormat;
import io.giftpay.sample.LedgerGenerator;
import io.giftpay.spark.SparkTestBase;
import io.giftpay.warehouse.WarehouseFiles;
import io.giftpay.warehouse.WarehouseLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The privacy boundary (contract section 5): two nights of a generated CSV ledger run through
 * {@code giftpay nightly}, and then every column of every row of every published table (every
 * folder of the warehouse not starting with {@code _}, so tables added later are scanned too) is
 * searched for each raw payment fingerprint, device id and birth date the ledger holds, for the
 * generator's fingerprint and device id formats, and for a date in any column or JSON field named
 * like birth. The restricted quarantine must hold those raw values instead, readable by its owner
 * only.
 */
class PrivacyBoundarySparkTest extends SparkTestBase {
  private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
  private static final LocalDate TO = FROM.plusDays(1);

  /** The generator's formats (sample-data Population and PatternContext). */
  private static final Map<String, Pattern> FORMATS =
      Map.of(
          "payment fingerprint", Pattern.compile("pf-[0-9a-f]{16}"),
          "device id", Pattern.compile("dv-[0-9a-f]{14}"));

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern BIRTH_FIELD_WITH_DATE =
      Pattern.compile("(?i)\"[^\"]*birth[^\"]*\"\\s*:\\s*\"?\\d{4}-\\d{2}-\\d{2}");
  private static final String INVALID_BIRTH_DATE = "1990-13-01";
  private static final String VALID_BIRTH_DATE_OF_A_BROKEN_ROW = "1987-04-09";

  @TempDir static Path tmp;
  private static Path ledger;
  private static Path warehouse;

  /** Raw values the ledger files hold, by kind. */
  private static final Map<String, Set<String>> raw = new TreeMap<>();

  private static final Map<String, String> propertiesBefore = new HashMap<>();

  @BeforeAll
  static void generateAndRunNights() throws IOException {
    Path rules = Path.of("../../rules").toAbsolutePath().normalize();
    setProperty("giftpay.rules.dir", rules.toString());
    setProperty("giftpay.spark.shuffle-partitions", "2");
    // The model's evidence holds sender features only; without it the two nights run in half the
    // time.
    setProperty("giftpay.model.enabled", "false");
    propertiesBefore.put(Logs.PROPERTY, System.getProperty(Logs.PROPERTY));
    ledger = tmp.resolve("ledger");
    LedgerGenerator.generate(
        new GeneratorOptions(
            ledger,
            FROM,
            2,
            600,
            40,
            23L,
            LedgerFormat.CSV,
            GiftCatalogue.load(rules.resolve("gift-catalogue.csv")).coinsByGiftId()),
        line -> {});
    // The generator breaks event rows only (their fingerprints and device ids reach quarantine);
    // these accounts rows break the snapshot so that birth dates reach it too.
    Files.writeString(
        ledger.resolve(
            "accounts/dt=" + FROM + "/accounts-with-a-broken-birth-date-and-a-missing-country.csv"),
        "user_id,created_at,birth_date,country,is_creator,kyc_verified,payout_currency,payout_method,agency_id\n"
            + "u-birth-date-not-a-date,2025-01-01T00:00:00Z,"
            + INVALID_BIRTH_DATE
            + ",US,false,true,,,\n"
            + "u-valid-birth-date-no-country,2025-01-01T00:00:00Z,"
            + VALID_BIRTH_DATE_OF_A_BROKEN_ROW
            + ",,false,true,,,\n",
        UTF_8);
    warehouse = tmp.resolve("warehouse");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      status =
          Giftpay.run(
              List.of(
                  "nightly",
                  "--from",
                  FROM.toString(),
                  "--to",
                  TO.toString(),
                  "--ledger",
                  ledger.toString(),
                  "--warehouse",
                  warehouse.toString()),
              o,
              e);
    }
    assertEquals(
        0,
        status,
        () -> "giftpay nightly failed:\n" + out.toString(UTF_8) + "\n" + err.toString(UTF_8));

    raw.put("payment_fingerprint", ledgerValues("payment_fingerprint"));
    raw.put("device_id", ledgerValues("device_id"));
    raw.put("birth_date", ledgerValues("birth_date"));
    raw.forEach(
        (kind, values) ->
            assertTrue(
                values.size() > 50,
                "the ledger holds only " + values.size() + " " + kind + " values"));
    assertTrue(raw.get("birth_date").contains(INVALID_BIRTH_DATE));
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
  void noPublishedTableHoldsARawFingerprintDeviceIdOrBirthDate() throws IOException {
    List<String> leaks = new ArrayList<>();
    Set<String> tables = new TreeSet<>();
    Map<Integer, Set<String>> rawByLength = new TreeMap<>();
    Map<String, String> kindOf = new HashMap<>();
    raw.forEach(
        (kind, values) ->
            values.forEach(
                v -> {
                  rawByLength.computeIfAbsent(v.length(), n -> new java.util.HashSet<>()).add(v);
                  kindOf.put(v, kind);
                }));
    long cells = 0;
    try (Stream<Path> dirs = Files.list(warehouse)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        String table = dir.getFileName().toString();
        if (table.startsWith("_") || table.startsWith(".")) {
          continue;
        }
        tables.add(table);
        if (table.equals("reports")) {
          // The night reports are published to people: every page is scanned as text.
          try (Stream<Path> pages = Files.walk(dir)) {
            for (Path page : pages.filter(Files::isRegularFile).sorted().toList()) {
              cells++;
              scan(
                  Files.readString(page),
                  "report",
                  table + "/" + dir.relativize(page),
                  rawByLength,
                  kindOf,
                  leaks);
            }
          }
          continue;
        }
        Dataset<Row> rows = spark.read().parquet(dir.toString());
        String[] names = rows.columns();
        Column[] asText =
            java.util.Arrays.stream(names)
                .map(n -> col("`" + n + "`").cast(DataTypes.StringType).as(n))
                .toArray(Column[]::new);
        for (Row row : rows.select(asText).collectAsList()) {
          for (int i = 0; i < names.length; i++) {
            String value = row.getString(i);
            if (value == null) {
              continue;
            }
            cells++;
            scan(
                value,
                names[i],
                table + "." + names[i] + " = " + abbreviate(value),
                rawByLength,
                kindOf,
                leaks);
          }
        }
      }
    }
    assertTrue(
        tables.containsAll(
            Set.of(
                "quarantine",
                "flags",
                "payouts",
                "creator_balances",
                "night_counts",
                "holds",
                "reports")),
        tables.toString());
    assertTrue(cells > 1000, "only " + cells + " cells scanned");
    assertTrue(
        leaks.isEmpty(),
        () ->
            leaks.size()
                + " raw identifiers in published tables:\n"
                + String.join("\n", leaks.subList(0, Math.min(50, leaks.size()))));
  }

  /**
   * Every raw identifier of the ledger, each identifier format, and a date in a birth field, in one
   * published value.
   */
  private static void scan(
      String value,
      String column,
      String where,
      Map<Integer, Set<String>> rawByLength,
      Map<String, String> kindOf,
      List<String> leaks) {
    for (Map.Entry<Integer, Set<String>> byLength : rawByLength.entrySet()) {
      int n = byLength.getKey();
      for (int at = 0; at + n <= value.length(); at++) {
        String piece = value.substring(at, at + n);
        if (byLength.getValue().contains(piece)) {
          leaks.add("raw " + kindOf.get(piece) + " '" + piece + "' in " + where);
        }
      }
    }
    FORMATS.forEach(
        (kind, format) -> {
          Matcher m = format.matcher(value);
          if (m.find()) {
            leaks.add("a " + kind + "-like '" + m.group() + "' in " + where);
          }
        });
    if (column.toLowerCase(java.util.Locale.ROOT).contains("birth") && DATE.matcher(value).find()) {
      leaks.add("a date in a birth column: " + where);
    }
    Matcher birthField = BIRTH_FIELD_WITH_DATE.matcher(value);
    if (birthField.find()) {
      leaks.add("a birth field with a date '" + birthField.group() + "' in " + where);
    }
  }

  @Test
  void theQuarantineShowsKeysAndAgeBandsInsteadAndSaysWhatWasWrong() {
    List<Row> quarantine =
        spark.read().parquet(warehouse.resolve("quarantine").toString()).collectAsList();
    String records =
        String.join("\n", quarantine.stream().map(r -> r.<String>getAs("record")).toList());
    assertTrue(
        records.matches("(?s).*\"card_key\":\"card-[0-9a-f]{16}\".*"),
        "quarantined recharges show card keys");
    assertTrue(
        records.matches("(?s).*\"device_key\":\"dev-[0-9a-f]{16}\".*"),
        "quarantined gifts and recharges show device keys");
    assertTrue(records.contains("\"birth_band\":\"invalid\""), records);
    assertTrue(records.contains("\"birth_band\":\"35-44\""), "1987-04-09 is 39 on " + FROM);
    Row badBirth =
        quarantine.stream()
            .filter(r -> r.<String>getAs("record").contains("u-birth-date-not-a-date"))
            .findFirst()
            .orElseThrow();
    assertEquals("BAD_VALUE", badBirth.getAs("reason"));
    assertEquals(
        "birth_date is not a valid birth_date (the value is personal data: see the restricted quarantine)",
        badBirth.getAs("detail"));
  }

  @Test
  void theRawRowsAreInTheRestrictedAreaReadableByItsOwnerOnly() throws IOException {
    Path restricted = warehouse.resolve("_giftpay/restricted");
    Path quarantine = restricted.resolve("quarantine");
    for (LocalDate night = FROM; !night.isAfter(TO); night = night.plusDays(1)) {
      assertTrue(
          Files.isDirectory(quarantine.resolve("dt=" + night)),
          "no restricted quarantine for " + night);
    }
    List<String> open = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(restricted)) {
      for (Path path : paths.toList()) {
        String want = Files.isDirectory(path) ? "rwx------" : "rw-------";
        String got = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        if (!got.equals(want)) {
          open.add(path + " is " + got);
        }
      }
    }
    assertTrue(open.isEmpty(), () -> String.join("\n", open));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(warehouse.resolve("_giftpay/secret/identifier.key"))));

    // The data was there to leak: the restricted rows hold the raw values the published ones hide.
    String records =
        String.join(
            "\n",
            spark
                .read()
                .parquet(quarantine.toString())
                .select("record")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList());
    for (String kind : List.of("payment_fingerprint", "device_id")) {
      long found = raw.get(kind).stream().filter(records::contains).count();
      assertTrue(
          found > 0, "no raw " + kind + " in the restricted quarantine: the scan proves nothing");
    }
    assertTrue(
        records.contains(INVALID_BIRTH_DATE) && records.contains(VALID_BIRTH_DATE_OF_A_BROKEN_ROW),
        records);

    RestrictedQuarantine steward =
        new RestrictedQuarantine(
            spark,
            new WarehouseLayout(new org.apache.hadoop.fs.Path(warehouse.toString())),
            new WarehouseFiles(
                new org.apache.hadoop.fs.Path(warehouse.toString()),
                spark.sparkContext().hadoopConfiguration()));
    List<Row> rows = steward.rowsFor("u-birth-date-not-a-date").collectAsList();
    assertEquals(1, rows.size(), rows::toString);
    assertTrue(
        rows.get(0)
            .<String>getAs("record")
            .contains("\"birth_date\":\"" + INVALID_BIRTH_DATE + "\""),
        rows::toString);
    assertEquals(0, steward.rowsFor("nobody-at-all").count());
  }

  /**
   * Every distinct non-empty value of a column in any ledger file, truth files aside. Each file is
   * read on its own: CSV columns come in any order, file by file.
   */
  private static Set<String> ledgerValues(String column) throws IOException {
    Set<String> values = new TreeSet<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(ledger)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(f -> !ledger.relativize(f).toString().startsWith("_"))
              .sorted()
              .toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.endsWith(".csv")) {
        for (Map<String, String> row : io.giftpay.oracle.LedgerCsv.read(file)) {
          row.forEach(
              (header, value) -> {
                if (header.replace("\uFEFF", "").trim().equalsIgnoreCase(column)
                    && value != null
                    && !value.isBlank()) {
                  values.add(value);
                }
              });
        }
      } else if (name.endsWith(".parquet")) {
        Dataset<Row> rows = spark.read().parquet(file.toString());
        for (String field : rows.columns()) {
          if (field.trim().equalsIgnoreCase(column)) {
            rows.select(col("`" + field + "`").cast(DataTypes.StringType)).collectAsList().stream()
                .map(r -> r.getString(0))
                .filter(v -> v != null && !v.isBlank())
                .forEach(values::add);
          }
        }
      }
    }
    return values;
  }

  private static String abbreviate(String value) {
    return value.length() <= 160 ? value : value.substring(0, 160) + "…";
  }

  private static void setProperty(String key, String value) {
    propertiesBefore.put(key, System.getProperty(key));
    System.setProperty(key, value);
  }
}
