package io.giftpay.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.catalogue.GiftCatalogue;
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
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review loop from the command line alone, on a generated ledger: a creator held on night D is
 * cleared and night D+1 releases and pays its balance to the cent; another case is confirmed (by
 * two reviewers when it forfeits USD 500 or more) and its held diamonds are forfeited, never paid;
 * both show in {@code reviews}; refused decisions write nothing; the books balance every night (the
 * night's own check, which also ties held diamonds to cases).
 */
class ReviewWorkflowTest extends SparkTestBase {
  private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
  private static final LocalDate HELD_NIGHT = FROM.plusDays(2);
  private static final LocalDate DECIDED_NIGHT = HELD_NIGHT.plusDays(1);
  private static final BigDecimal DIAMOND_USD = new BigDecimal("0.005");

  @TempDir static Path tmp;
  private static Path ledger;
  private static Path warehouse;
  private static String rulesBefore;
  private static String modelBefore;

  @BeforeAll
  static void runThreeNights() throws IOException {
    Path rules = Path.of("../../rules").toAbsolutePath().normalize();
    rulesBefore = System.getProperty("giftpay.rules.dir");
    System.setProperty("giftpay.rules.dir", rules.toString());
    // The rules hold enough creators to review; without the model a night costs half as much.
    modelBefore = System.getProperty("giftpay.model.enabled");
    System.setProperty("giftpay.model.enabled", "false");
    ledger = tmp.resolve("ledger");
    LedgerGenerator.generate(
        new GeneratorOptions(
            ledger,
            FROM,
            5,
            1200,
            80,
            7L,
            LedgerFormat.CSV,
            GiftCatalogue.load(rules.resolve("gift-catalogue.csv")).coinsByGiftId()),
        line -> {});
    warehouse = tmp.resolve("warehouse");
    Cli run =
        cli(
            "nightly",
            "--from",
            FROM.toString(),
            "--to",
            HELD_NIGHT.toString(),
            "--ledger",
            ledger.toString(),
            "--warehouse",
            warehouse.toString());
    assertEquals(0, run.status, run::toString);
  }

  @AfterAll
  static void restore() {
    restore("giftpay.rules.dir", rulesBefore);
    restore("giftpay.model.enabled", modelBefore);
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  @Test
  void clearedIsReleasedAndPaidConfirmedIsForfeitedAndNeverPaid() throws IOException {
    Cli queue = cli("review", "queue", "--warehouse", warehouse.toString(), "--format", "csv");
    assertEquals(0, queue.status, queue::toString);
    // case,account,role,kind,sources,model_score,usd_held,first_flagged,last_flagged,age_nights,waiting
    List<String[]> heldCreators = new ArrayList<>();
    for (String line : queue.out.lines().skip(1).toList()) {
      String[] c = parse(line);
      if (c[2].equals("creator") && new BigDecimal(c[6]).signum() > 0) {
        heldCreators.add(c);
      }
    }
    assertTrue(
        heldCreators.size() >= 2,
        "the generated ledger should hold at least two creators by "
            + HELD_NIGHT
            + ":\n"
            + queue.out);
    String[] toClear = heldCreators.get(0);
    String[] toConfirm = heldCreators.get(1);
    Row clearedBefore = balance(toClear[1], HELD_NIGHT);
    Row confirmedBefore = balance(toConfirm[1], HELD_NIGHT);
    assertEquals("ON_HOLD", clearedBefore.getAs("status"));
    long clearHeld = new BigDecimal(toClear[6]).divide(DIAMOND_USD).longValueExact();

    String decisions = warehouse.resolve("_giftpay/review/decisions").toString();
    // Refusals write nothing.
    assertRefused(
        cli(
            "review",
            "decide",
            "nobody-at-all",
            "--decision",
            "cleared",
            "--reviewer",
            "ana",
            "--reason",
            "x",
            "--warehouse",
            warehouse.toString()),
        "Unknown account 'nobody-at-all'");
    String unflagged = unflaggedCreator();
    assertRefused(
        cli(
            "review",
            "decide",
            unflagged,
            "--decision",
            "cleared",
            "--reviewer",
            "ana",
            "--reason",
            "x",
            "--warehouse",
            warehouse.toString()),
        "has no open case");
    assertRefused(
        cli(
            "review",
            "decide",
            toClear[1],
            "--decision",
            "cleared",
            "--reviewer",
            "ana",
            "--reason",
            " ",
            "--warehouse",
            warehouse.toString()),
        "Invalid --reason");
    assertRefused(
        cli(
            "review",
            "decide",
            toClear[1],
            "--decision",
            "pardoned",
            "--reviewer",
            "ana",
            "--reason",
            "x",
            "--warehouse",
            warehouse.toString()),
        "Invalid --decision: 'pardoned'");
    assertEquals(0, fileCount(Path.of(decisions)), "a refused decision wrote a file");

    Cli clear =
        cli(
            "review",
            "decide",
            toClear[1],
            "--role",
            "creator",
            "--decision",
            "cleared",
            "--reviewer",
            "ana",
            "--reason",
            "agency confirmed the battle",
            "--warehouse",
            warehouse.toString());
    assertEquals(0, clear.status, clear::toString);
    Cli first =
        cli(
            "review",
            "decide",
            toConfirm[1],
            "--role",
            "creator",
            "--decision",
            "confirmed",
            "--reviewer",
            "ana",
            "--reason",
            "mule fed by stolen cards",
            "--warehouse",
            warehouse.toString());
    assertEquals(0, first.status, first::toString);
    boolean fourEyes = new BigDecimal(toConfirm[6]).compareTo(new BigDecimal("500")) >= 0;
    if (fourEyes) {
      assertRefused(
          cli(
              "review",
              "decide",
              toConfirm[1],
              "--role",
              "creator",
              "--decision",
              "confirmed",
              "--reviewer",
              "ana",
              "--reason",
              "again",
              "--warehouse",
              warehouse.toString()),
          "second, different reviewer");
      Cli second =
          cli(
              "review",
              "decide",
              toConfirm[1],
              "--role",
              "creator",
              "--decision",
              "confirmed",
              "--reviewer",
              "bo",
              "--reason",
              "agree",
              "--warehouse",
              warehouse.toString());
      assertEquals(0, second.status, second::toString);
    }
    assertRefused(
        cli(
            "review",
            "decide",
            toConfirm[1],
            "--role",
            "creator",
            "--decision",
            "confirmed",
            "--reviewer",
            "cy",
            "--reason",
            "me too",
            "--warehouse",
            warehouse.toString()),
        "already decided");

    Cli night =
        cli(
            "nightly",
            "--date",
            DECIDED_NIGHT.toString(),
            "--ledger",
            ledger.toString(),
            "--warehouse",
            warehouse.toString());
    assertEquals(0, night.status, night::toString);

    // Cleared: the held diamonds come back, and are paid under the policy tonight.
    Row cleared = balance(toClear[1], DECIDED_NIGHT);
    Row review = reviews(DECIDED_NIGHT).filter(col("account_id").equalTo(toClear[1])).first();
    assertEquals("cleared", review.getAs("decision"));
    assertEquals("ana", review.getAs("reviewer"));
    assertEquals("agency confirmed the battle", review.getAs("reason"));
    long released = review.getAs("diamonds_released");
    assertEquals(clearHeld, released);
    long newHolds = holdsAt(toClear[1], DECIDED_NIGHT);
    assertEquals(
        clearedBefore.<Long>getAs("held_diamonds") - released + newHolds,
        cleared.<Long>getAs("held_diamonds"));
    long paidToday = cleared.getAs("paid_today_diamonds");
    // Policy v2: what is released goes to available, or back to pending while its clearing night is
    // to come.
    long releasedStillPending =
        cleared.<Long>getAs("pending_diamonds")
            - clearedBefore.<Long>getAs("pending_diamonds")
            - cleared.<Long>getAs("credited_today_diamonds")
            + clearedFromPendingTonight(toClear[1]);
    assertTrue(
        releasedStillPending >= 0 && releasedStillPending <= released,
        "released still pending: " + releasedStillPending);
    assertEquals(
        clearedBefore.<Long>getAs("pending_diamonds")
            + clearedBefore.<Long>getAs("available_diamonds")
            + released
            + cleared.<Long>getAs("credited_today_diamonds")
            - newHolds
            - paidToday,
        cleared.<Long>getAs("pending_diamonds") + cleared.<Long>getAs("available_diamonds"));
    if (cleared.<String>getAs("status").equals("PAID")) {
      Row payout =
          spark
              .read()
              .parquet(warehouse.resolve("payouts/dt=" + DECIDED_NIGHT).toString())
              .filter(col("creator_id").equalTo(toClear[1]))
              .first();
      assertEquals(
          0,
          DIAMOND_USD
              .multiply(BigDecimal.valueOf(paidToday))
              .compareTo(payout.getAs("amount_usd")));
      assertTrue(
          paidToday >= Math.min(released - releasedStillPending, 200_000L),
          "the released diamonds that have cleared are paid (up to the daily cap)");
    } else {
      assertTrue(
          List.of(
                  "KYC_MISSING",
                  "AGE_UNKNOWN",
                  "UNDERAGE",
                  "PAYOUT_DETAILS_MISSING",
                  "NO_FX_RATE",
                  "BELOW_MINIMUM")
              .contains(cleared.<String>getAs("status")),
          "a cleared creator is no longer on hold: " + cleared);
    }

    // Confirmed: forfeited, never paid; the account stays held.
    Row confirmed = balance(toConfirm[1], DECIDED_NIGHT);
    Row confirmation =
        reviews(DECIDED_NIGHT).filter(col("account_id").equalTo(toConfirm[1])).first();
    assertEquals("confirmed", confirmation.getAs("decision"));
    assertEquals(fourEyes ? "bo" : null, confirmation.getAs("second_reviewer"));
    long forfeited = confirmation.getAs("diamonds_forfeited");
    assertTrue(forfeited > 0);
    assertEquals(
        confirmedBefore.<Long>getAs("forfeited_diamonds") + forfeited,
        confirmed.<Long>getAs("forfeited_diamonds"));
    assertEquals("ON_HOLD", confirmed.getAs("status"));
    assertEquals(0L, confirmed.<Long>getAs("paid_today_diamonds"));

    Cli next =
        cli(
            "nightly",
            "--date",
            DECIDED_NIGHT.plusDays(1).toString(),
            "--ledger",
            ledger.toString(),
            "--warehouse",
            warehouse.toString());
    assertEquals(0, next.status, next::toString);
    Row later = balance(toConfirm[1], DECIDED_NIGHT.plusDays(1));
    assertEquals(0L, later.<Long>getAs("paid_today_diamonds"));
    assertEquals(
        confirmed.<Long>getAs("forfeited_diamonds"), later.<Long>getAs("forfeited_diamonds"));
    assertEquals(0, reviews(DECIDED_NIGHT.plusDays(1)).count(), "a decision is applied once");

    Cli decided =
        cli(
            "review",
            "queue",
            "--warehouse",
            warehouse.toString(),
            "--status",
            "decided",
            "--format",
            "csv");
    assertTrue(
        decided.out.contains(toClear[0]) && decided.out.contains(toConfirm[0]), decided::toString);
  }

  /**
   * The pending diamonds of the night before that cleared tonight (the clearing lots kept after the
   * night before, not held, clearing tonight).
   */
  private static long clearedFromPendingTonight(String creator) {

    java.nio.file.Path lots = warehouse.resolve("_giftpay/daily/clearing_lots/dt=" + HELD_NIGHT);
    if (!java.nio.file.Files.isDirectory(lots)) {
      return 0L;
    }
    Row sum =
        spark
            .read()
            .parquet(lots.toString())
            .filter(
                col("creator_id")
                    .equalTo(creator)
                    .and(col("held").equalTo(false))
                    .and(
                        col("clears_on")
                            .equalTo(org.apache.spark.sql.functions.lit(DECIDED_NIGHT))))
            .agg(org.apache.spark.sql.functions.sum("diamonds"))
            .first();
    return sum.isNullAt(0) ? 0L : sum.getLong(0);
  }

  private static String[] parse(String csvLine) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csvLine.length(); i++) {
      char ch = csvLine.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < csvLine.length() && csvLine.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    cells.add(cell.toString());
    return cells.toArray(String[]::new);
  }

  private static Row balance(String creator, LocalDate night) {
    return spark
        .read()
        .parquet(warehouse.resolve("creator_balances/dt=" + night).toString())
        .filter(col("creator_id").equalTo(creator))
        .first();
  }

  private static org.apache.spark.sql.Dataset<Row> reviews(LocalDate night) {
    return spark.read().parquet(warehouse.resolve("reviews/dt=" + night).toString());
  }

  private static long holdsAt(String creator, LocalDate night) {
    List<Row> sum =
        spark
            .read()
            .parquet(warehouse.resolve("holds/dt=" + night).toString())
            .filter(col("creator_id").equalTo(creator))
            .agg(org.apache.spark.sql.functions.sum("diamonds"))
            .collectAsList();
    return sum.isEmpty() || sum.get(0).isNullAt(0) ? 0 : sum.get(0).getLong(0);
  }

  private static String unflaggedCreator() {
    Row r =
        spark
            .read()
            .parquet(warehouse.resolve("creator_balances/dt=" + HELD_NIGHT).toString())
            .filter(
                col("held_diamonds")
                    .equalTo(0)
                    .and(col("status").equalTo("PAID").or(col("status").equalTo("BELOW_MINIMUM"))))
            .join(
                spark
                    .read()
                    .parquet(warehouse.resolve("flags").toString())
                    .select(col("account_id").as("creator_id")),
                "creator_id",
                "left_anti")
            .orderBy("creator_id")
            .first();
    return r.getAs("creator_id");
  }

  private static long fileCount(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
    }
  }

  private static void assertRefused(Cli run, String message) {
    assertEquals(1, run.status, run::toString);
    assertTrue(run.err.contains(message), () -> "expected '" + message + "' in:\n" + run);
    assertEquals(1, run.err.strip().lines().count(), () -> "one plain line:\n" + run);
  }

  private record Cli(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
  }

  private static Cli cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      status = Giftpay.run(List.of(args), o, e);
    }
    return new Cli(status, out.toString(UTF_8), err.toString(UTF_8));
  }
}
