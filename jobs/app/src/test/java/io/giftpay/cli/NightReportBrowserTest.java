package io.giftpay.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.payout.PayoutPolicy;
import io.giftpay.payout.PayoutPolicyFile;
import io.giftpay.report.NightReportReader;
import io.giftpay.report.NightReportWriter;
import io.giftpay.review.CaseKind;
import io.giftpay.review.CaseStatus;
import io.giftpay.review.CaseSummary;
import io.giftpay.sample.GeneratorOptions;
import io.giftpay.sample.LedgerFormat;
import io.giftpay.sample.LedgerGenerator;
import io.giftpay.spark.SparkTestBase;
import io.giftpay.warehouse.WarehouseFiles;
import io.giftpay.warehouse.WarehouseLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The night report as a person sees it: two real nights of a small generated ledger run through
 * {@code giftpay nightly}, night 3's report is written with two hand-made review cases, then opened
 * in headless Chromium; the figures read from the rendered page must equal what Spark reads from
 * the published tables here, independently of the report's reader. The same run takes a screenshot
 * to {@code target/night-report.png}; with {@code -Dgiftpay.report.png=../../docs/night-report.png}
 * it is also copied there (the PNG the README shows).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightReportBrowserTest extends SparkTestBase {
  private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
  // night 3: under policy v2 night 1's credits clear and are paid on night 3
  private static final LocalDate NIGHT = FROM.plusDays(2);
  private static final String CHROMIUM_ENV = "GIFTPAY_CHROMIUM";
  private static final String PNG_PROPERTY = "giftpay.report.png";
  private static final Path SCREENSHOT = Path.of("target/night-report.png");

  @TempDir static Path tmp;

  private static Path warehouse;
  private static PayoutPolicy policy;
  private static final Map<String, String> propertiesBefore = new HashMap<>();

  @BeforeAll
  static void runTwoNights() throws IOException {
    chromium(); // fail before the nights run when there is no browser
    Path rules = Path.of("../../rules").toAbsolutePath().normalize();
    propertiesBefore.put("giftpay.rules.dir", System.getProperty("giftpay.rules.dir"));
    propertiesBefore.put(Logs.PROPERTY, System.getProperty(Logs.PROPERTY));
    System.setProperty("giftpay.rules.dir", rules.toString());
    policy = PayoutPolicyFile.load(rules.resolve("payout-policy.properties"));

    Path ledger = tmp.resolve("ledger");
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
                  NIGHT.toString(),
                  "--ledger",
                  ledger.toString(),
                  "--warehouse",
                  warehouse.toString()),
              o,
              e);
    }
    assertEquals(
        0, status, () -> "giftpay nightly failed:\n" + out.toString(UTF_8) + err.toString(UTF_8));
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
  @Order(1)
  void reportCommandRefusesANightThatIsNotCompleted() {
    ReportCommand command = new ReportCommand();
    new CommandLine(command)
        .parseArgs("--date", NIGHT.plusDays(1).toString(), "--warehouse", warehouse.toString());
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, command::call);
    assertTrue(
        refused
            .getMessage()
            .startsWith("Invalid --date: " + NIGHT.plusDays(1) + " (night not completed"),
        refused.getMessage());
    assertFalse(Files.exists(warehouse.resolve("reports/dt=" + NIGHT.plusDays(1))));
  }

  @Test
  @Order(2)
  void reportCommandWritesTheReportOfACompletedNight() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      status =
          Giftpay.run(
              List.of("report", "--date", NIGHT.toString(), "--warehouse", warehouse.toString()),
              o,
              e);
    }
    assertEquals(0, status, () -> out.toString(UTF_8) + err.toString(UTF_8));
    Path page = warehouse.resolve("reports/dt=" + NIGHT + "/index.html");
    assertTrue(out.toString(UTF_8).contains(page.toString()), () -> out.toString(UTF_8));
    String html = Files.readString(page);
    // The command reads the night's kept case book, as the night itself does.
    WarehouseLayout layout = new WarehouseLayout(new org.apache.hadoop.fs.Path(warehouse.toUri()));
    List<CaseSummary> open =
        io.giftpay.report.CaseSource.caseBook(policy).cases(spark, layout, NIGHT).stream()
            .filter(c -> c.status() == CaseStatus.OPEN)
            .toList();
    if (open.isEmpty()) {
      assertTrue(
          html.contains("data-figure=\"open-cases-none\""),
          "no open case: the review section says none");
    } else {
      assertTrue(
          html.contains(open.get(0).caseId()),
          "the biggest open case " + open.get(0).caseId() + " is on the page");
    }
    try (var listing = Files.list(page.getParent())) {
      assertEquals(
          List.of("index.html"),
          listing.map(p -> p.getFileName().toString()).toList(),
          "no temporary file left");
    }
  }

  @Test
  @Order(3)
  void theRenderedPageShowsThePublishedFigures() throws Exception {
    WarehouseLayout layout = new WarehouseLayout(new org.apache.hadoop.fs.Path(warehouse.toUri()));
    WarehouseFiles files =
        new WarehouseFiles(layout.root(), spark.sparkContext().hadoopConfiguration());
    List<CaseSummary> cases =
        List.of(
            new CaseSummary(
                "case-0f3a9c",
                "user-<b>0042</b>",
                "sender",
                CaseKind.FRAUD,
                List.of("isolation-forest@n1", "ring@v1"),
                0.734,
                12_000,
                policy.valueUsd(12_000),
                FROM,
                NIGHT,
                1,
                CaseStatus.OPEN),
            new CaseSummary(
                "case-7be210",
                "creator-0007",
                "creator",
                CaseKind.CARE,
                List.of("overspend@v1"),
                null,
                0,
                BigDecimal.ZERO,
                NIGHT,
                NIGHT,
                0,
                CaseStatus.OPEN));
    Path page =
        Path.of(
            new NightReportWriter(layout, files)
                .write(new NightReportReader(spark, layout, files, policy).read(NIGHT, cases))
                .toUri());

    String dom = chromium("--dump-dom", page.toUri().toString());
    Map<String, String> shown = figures(dom);
    List<String> problems = new ArrayList<>();

    // Payouts, independently: the published rows summed here.
    List<Row> payouts = rows("payouts");
    BigDecimal paidUsd = BigDecimal.ZERO;
    Map<String, Long> perCurrency = new TreeMap<>();
    for (Row p : payouts) {
      paidUsd = paidUsd.add(p.getAs("amount_usd"));
      perCurrency.merge(p.getAs("currency"), 1L, Long::sum);
    }
    assertFalse(
        payouts.isEmpty(), "nobody was paid on night 3: the page's payout figures prove nothing");
    money(shown, "payouts-usd", paidUsd, problems);
    count(shown, "payouts-count", payouts.size(), problems);
    perCurrency.forEach((currency, n) -> count(shown, "payouts-count:" + currency, n, problems));

    // The books from creator_balances, valued at the policy's diamond value.
    long credited = 0;
    long paid = 0;
    long pending = 0;
    long held = 0;
    long carried = 0;
    long negative = 0;
    long negativeCreators = 0;
    for (Row b : rows("creator_balances")) {
      credited += b.<Long>getAs("credited_today_diamonds");
      paid += b.<Long>getAs("paid_today_diamonds");
      pending += b.<Long>getAs("pending_diamonds");
      held += b.<Long>getAs("held_diamonds");
      long available = b.<Long>getAs("available_diamonds");
      carried += Math.max(available, 0);
      if (available < 0) {
        negative += available;
        negativeCreators++;
      }
    }
    book(shown, "credited", credited, problems);
    book(shown, "paid", paid, problems);
    book(shown, "pending", pending, problems);
    book(shown, "held", held, problems);
    book(shown, "carried", carried, problems);
    book(shown, "negative", negative, problems);
    count(shown, "negative-creators", negativeCreators, problems);
    money(shown, "paid-usd", paidUsd, problems);
    // No reviews table yet on this warehouse: nothing released or forfeited.
    book(shown, "released", 0, problems);
    book(shown, "forfeited", 0, problems);

    Map<String, Long> reasons = new TreeMap<>();
    rows("quarantine").forEach(q -> reasons.merge(q.getAs("reason"), 1L, Long::sum));
    assertFalse(
        reasons.isEmpty(), "the generated ledger has broken rows; none quarantined on night 3?");
    reasons.forEach((reason, n) -> count(shown, "quarantine:" + reason, n, problems));
    assertEquals(
        reasons.size(),
        shown.keySet().stream().filter(k -> k.startsWith("quarantine:")).count(),
        "quarantine reasons shown");

    Map<String, Long> sources = new TreeMap<>();
    rows("flags").forEach(f -> sources.merge(f.getAs("source"), 1L, Long::sum));
    sources.forEach((source, n) -> count(shown, "flags:" + source, n, problems));
    assertEquals(
        sources.size(),
        shown.keySet().stream().filter(k -> k.startsWith("flags:")).count(),
        "flag sources shown");
    if (sources.isEmpty()) {
      assertEquals("none", shown.get("flags-none"));
    }

    money(shown, "case-usd-held:case-0f3a9c", policy.valueUsd(12_000), problems);
    assertEquals(
        "user-<b>0042</b>",
        shown.get("case-account:case-0f3a9c"),
        "an account id shows as text, not markup");
    count(shown, "backlog:0-1", 2, problems);
    assertEquals("3", shown.get("trend-nights"), "three nights published");
    assertTrue(
        problems.isEmpty(),
        () ->
            "the rendered page disagrees with the published tables:\n"
                + String.join("\n", problems));

    assertTrue(dom.contains("<svg"), "the page has no SVG chart");
    for (String chart :
        List.of("payouts-usd-by-currency", "quarantine", "paid-held-usd", "backlog")) {
      assertTrue(dom.contains("data-chart=\"" + chart + "\""), () -> "no chart " + chart);
    }
    assertFalse(
        dom.toLowerCase(java.util.Locale.ROOT).contains("http"),
        "the page refers to something outside itself");

    Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
    Files.deleteIfExists(SCREENSHOT);
    chromium(
        "--screenshot=" + SCREENSHOT.toAbsolutePath(),
        "--window-size=1280,2400",
        page.toUri().toString());
    byte[] png = Files.readAllBytes(SCREENSHOT);
    assertArrayEquals(
        new byte[] {(byte) 0x89, 'P', 'N', 'G'},
        java.util.Arrays.copyOf(png, 4),
        "the screenshot is not a PNG");
    String docsCopy = System.getProperty(PNG_PROPERTY);
    if (docsCopy != null && !docsCopy.isBlank()) {
      Path target = Path.of(docsCopy);
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.copy(SCREENSHOT, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static List<Row> rows(String table) {
    Path dir = warehouse.resolve(table).resolve("dt=" + NIGHT);
    return Files.isDirectory(dir)
        ? spark.read().parquet(dir.toString()).collectAsList()
        : List.of();
  }

  private static void book(
      Map<String, String> shown, String line, long diamonds, List<String> problems) {
    count(shown, line + "-diamonds", diamonds, problems);
    money(shown, line + "-usd", policy.valueUsd(diamonds), problems);
  }

  private static void count(
      Map<String, String> shown, String figure, long want, List<String> problems) {
    String got = shown.get(figure);
    if (got == null || !got.equals(Long.toString(want))) {
      problems.add(figure + ": page shows " + got + ", published tables give " + want);
    }
  }

  /** Money: equal to the cent and beyond, and printed with at least two decimals. */
  private static void money(
      Map<String, String> shown, String figure, BigDecimal want, List<String> problems) {
    String got = shown.get(figure);
    if (got == null
        || !got.matches("-?\\d+\\.\\d{2,}")
        || new BigDecimal(got).compareTo(want) != 0) {
      problems.add(
          figure + ": page shows " + got + ", published tables give " + want.toPlainString());
    }
  }

  /**
   * Every data-figure of the rendered DOM, name to text (entities decoded as the browser shows
   * them).
   */
  private static Map<String, String> figures(String dom) {
    Map<String, String> figures = new TreeMap<>();
    Matcher m = Pattern.compile("data-figure=\"([^\"]+)\">([^<]*)<").matcher(dom);
    while (m.find()) {
      figures.put(unescape(m.group(1)), unescape(m.group(2)));
    }
    return figures;
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /** Runs headless Chromium with the given arguments; returns its standard output. */
  private static String chromium(String... args) throws IOException, InterruptedException {
    Path binary = chromium();
    Path profile = Files.createTempDirectory(tmp, "chromium-profile");
    Path stdout = Files.createTempFile(tmp, "chromium", ".out");
    Path stderr = Files.createTempFile(tmp, "chromium", ".err");
    List<String> command =
        new ArrayList<>(
            List.of(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(
          "Chromium did not finish in 180 s: "
              + String.join(" ", command)
              + "\n"
              + Files.readString(stderr));
    }
    assertEquals(
        0,
        process.exitValue(),
        () -> "Chromium failed: " + String.join(" ", command) + "\n" + read(stderr));
    return Files.readString(stdout, UTF_8);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(cannot read " + file + ")";
    }
  }

  /** The browser: $GIFTPAY_CHROMIUM or Debian's /usr/bin/chromium; a missing one fails the test. */
  private static Path chromium() {
    String configured = System.getenv(CHROMIUM_ENV);
    Path binary =
        Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
    if (!Files.isExecutable(binary)) {
      fail(
          "No Chromium at "
              + binary
              + ": the night report test opens the page in headless Chromium. Run bin/test, which installs"
              + " Debian's chromium package when it is missing (as root), or set "
              + CHROMIUM_ENV
              + " to a Chromium binary.");
    }
    return binary;
  }
}
