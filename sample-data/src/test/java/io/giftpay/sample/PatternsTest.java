package io.giftpay.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.sample.patterns.StandardPatterns;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard fraud patterns and look-alikes: labelled, valid per the contract, shaped as
 * documented.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatternsTest {
  static final LocalDate START = LocalDate.of(2026, 11, 1);
  static final List<String> EVENT_TABLES = List.of("gifts", "recharges", "reversals", "rewards");
  static final List<String> PATTERNS =
      List.of(
          "overspending_baseline",
          "underage_spending",
          "card_testing",
          "shared_card_farm",
          "stolen_card_laundering",
          "self_gifting",
          "reciprocal_ring",
          "promo_farming",
          "account_takeover",
          "chargeback_after_gifting");
  static final List<String> KINDS =
      List.of(
          "family_shared_card",
          "whale",
          "creators_gifting_small",
          "traveller",
          "new_account_small",
          "creator_battle",
          "daily_reward_gifter",
          "newcomer_first_pack",
          "big_night");

  /**
   * Five times the default rates: every pattern then has at least four instances, so every variant
   * shows.
   */
  static final double SCALE = 5;

  Path tmp;
  Map<String, Long> catalogue;
  Path run;
  GenerationSummary summary;
  Map<String, List<LedgerFiles.Row>> rows = new HashMap<>();

  /** pattern or look-alike name → its event rows (by the pattern index range of event ids). */
  Map<String, List<LedgerFiles.Row>> byPattern = new TreeMap<>();

  Map<String, Set<String>> labelled = new TreeMap<>();

  /** "pattern/role" (labels.csv) or "kind/role" (lookalikes.csv) → account ids. */
  Map<String, Set<String>> labelledAs = new TreeMap<>();

  Map<String, LedgerFiles.Row> accounts = new HashMap<>();
  List<List<String>> labels;
  List<List<String>> lookalikes;

  @BeforeAll
  void generate(@TempDir Path dir) throws IOException {
    tmp = dir;
    catalogue = GiftCatalogue.load(Path.of("..", "rules", "gift-catalogue.csv")).coinsByGiftId();
    run = tmp.resolve("patterns");
    summary =
        LedgerGenerator.generate(
            new GeneratorOptions(run, START, 7, 1_500, 80, 5L, LedgerFormat.CSV, catalogue)
                .withPatternScale(SCALE),
            s -> {});
    List<String> names = StandardPatterns.all().stream().map(InjectedPattern::name).toList();
    for (String t : EVENT_TABLES) {
      rows.put(t, LedgerFiles.readTable(run, t));
      for (LedgerFiles.Row r : rows.get(t)) {
        String id = r.get("event_id");
        long n =
            id == null
                ? -1
                : Long.parseLong(id.substring(id.lastIndexOf('-') + 1).replaceAll("\\D", "0"));
        if (n >= 900_000_000L) {
          byPattern
              .computeIfAbsent(
                  names.get((int) ((n - 900_000_000L) / 1_000_000L)), k -> new ArrayList<>())
              .add(r);
        }
      }
    }
    labels = Csv.read(run.resolve("_truth/labels.csv"));
    lookalikes = Csv.read(run.resolve("_truth/lookalikes.csv"));
    for (List<String> l : labels.subList(1, labels.size())) {
      labelled.computeIfAbsent(l.get(2), k -> new HashSet<>()).add(l.get(0));
      labelledAs.computeIfAbsent(l.get(2) + "/" + l.get(1), k -> new HashSet<>()).add(l.get(0));
    }
    for (List<String> l : lookalikes.subList(1, lookalikes.size())) {
      labelledAs.computeIfAbsent(l.get(2) + "/" + l.get(1), k -> new HashSet<>()).add(l.get(0));
    }
    for (LedgerFiles.Row r : LedgerFiles.readTable(run, "accounts")) {
      accounts.put(r.get("user_id"), r);
    }
  }

  static Set<String> actors(List<LedgerFiles.Row> rows) {
    Set<String> s = new HashSet<>();
    for (LedgerFiles.Row r : rows) {
      for (String c : List.of("sender_id", "creator_id", "user_id")) {
        if (r.get(c) != null) {
          s.add(r.get(c));
        }
      }
    }
    return s;
  }

  @Test
  void everyPatternLabelsAccountsThatHaveItsEvents() {
    assertEquals(List.of("account_id", "role", "pattern"), labels.get(0));
    assertEquals(Set.copyOf(PATTERNS), labelled.keySet());
    Set<String> seen = new HashSet<>();
    for (List<String> l : labels.subList(1, labels.size())) {
      assertTrue(Set.of("sender", "creator").contains(l.get(1)), l.toString());
      assertTrue(seen.add(String.join("|", l)), "one row per account x role x pattern: " + l);
    }
    for (String p : PATTERNS) {
      List<LedgerFiles.Row> events = byPattern.get(p);
      assertNotNull(events, p);
      assertTrue(
          events.stream().anyMatch(r -> r.file().toString().contains("gifts")), p + " has gifts");
      Set<String> actors = actors(events);
      for (String a : labelled.get(p)) {
        assertTrue(actors.contains(a), p + ": labelled " + a + " acts in the pattern's events");
        assertNotNull(accounts.get(a), a);
      }
    }
    for (List<String> l : labels.subList(1, labels.size())) {
      if (l.get(1).equals("creator")) {
        assertEquals("true", accounts.get(l.get(0)).get("is_creator"), l.toString());
      }
    }
    assertEquals(labels.size() - 1, summary.labels());
  }

  @Test
  void everyRowIsValidExceptTheIntendedBrokenOnes() throws IOException {
    ContractCheck check = new ContractCheck(run, catalogue);
    Set<String> broken = new HashSet<>();
    List<List<String>> truth = Csv.read(run.resolve("_truth/broken_rows.csv"));
    for (List<String> r : truth.subList(1, truth.size())) {
      broken.add(r.get(0));
    }
    long patternRows = 0;
    for (List<LedgerFiles.Row> events : byPattern.values()) {
      for (LedgerFiles.Row r : events) {
        String table = r.file().getParent().getParent().getFileName().toString();
        assertNull(check.reason(table, r), r.values().toString());
        assertFalse(broken.contains(r.get("event_id")));
        assertEquals(
            r.dt(), r.get("event_time").substring(0, 10), "lands on its event date: " + r.values());
        if (table.equals("gifts")) {
          assertEquals(
              Long.parseLong(r.get("coins")),
              Integer.parseInt(r.get("quantity")) * catalogue.get(r.get("gift_id")));
        }
        patternRows++;
      }
    }
    assertEquals(
        summary.patternRowsByTable().values().stream().mapToLong(Long::longValue).sum(),
        patternRows);
    for (String t : EVENT_TABLES) {
      for (LedgerFiles.Row r : rows.get(t)) {
        if (!broken.contains(r.get("event_id"))) {
          assertNull(check.reason(t, r), t + " " + r.values());
        }
      }
    }
    // reversals reference a recharge of the same user that landed no later
    Map<String, LedgerFiles.Row> recharges = new HashMap<>();
    for (LedgerFiles.Row r : rows.get("recharges")) {
      recharges.putIfAbsent(r.get("event_id"), r);
    }
    for (LedgerFiles.Row rv :
        byPattern.values().stream()
            .flatMap(List::stream)
            .filter(r -> r.file().toString().contains("reversals"))
            .toList()) {
      LedgerFiles.Row rc = recharges.get(rv.get("recharge_event_id"));
      assertNotNull(rc, rv.values().toString());
      assertEquals(rc.get("user_id"), rv.get("user_id"));
      assertEquals(rc.get("coins"), rv.get("coins"));
      assertEquals(new BigDecimal(rc.get("amount")), new BigDecimal(rv.get("amount")));
      assertTrue(rc.dt().compareTo(rv.dt()) <= 0);
    }
  }

  @Test
  void lookalikesAreListedApartAndNeverLabelled() {
    assertEquals(List.of("account_id", "role", "kind"), lookalikes.get(0));
    Set<String> labelledIds =
        labelled.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    Set<String> kinds = new HashSet<>();
    for (List<String> l : lookalikes.subList(1, lookalikes.size())) {
      assertFalse(labelledIds.contains(l.get(0)), "look-alike labelled: " + l);
      kinds.add(l.get(2));
      assertTrue(actors(byPattern.get(l.get(2))).contains(l.get(0)), l.toString());
    }
    assertEquals(Set.copyOf(KINDS), kinds);
    assertEquals(lookalikes.size() - 1, summary.lookalikes());
  }

  /** Coins a sender gifted per UTC day (pattern and ordinary gifts). */
  Map<String, Long> giftsByDay(String sender) {
    Map<String, Long> m = new TreeMap<>();
    for (LedgerFiles.Row r : rows.get("gifts")) {
      if (sender.equals(r.get("sender_id")) && r.get("coins") != null) {
        try {
          m.merge(r.get("event_time").substring(0, 10), Long.parseLong(r.get("coins")), Long::sum);
        } catch (NumberFormatException e) {
          // broken row
        }
      }
    }
    return m;
  }

  List<LedgerFiles.Row> of(String pattern, String table, String column, String account) {
    return byPattern.get(pattern).stream()
        .filter(r -> r.file().toString().contains("/" + table + "/"))
        .filter(r -> account.equals(r.get(column)))
        .toList();
  }

  @Test
  void minorsSpendOnlyAsTheUnderagePattern() {
    List<String> unlabelled = new ArrayList<>();
    for (String table : List.of("gifts", "recharges")) {
      String who = table.equals("gifts") ? "sender_id" : "user_id";
      for (LedgerFiles.Row r : rows.get(table)) {
        LedgerFiles.Row account = accounts.get(r.get(who));
        if (account == null || account.get("birth_date") == null || r.get("event_time") == null) {
          continue;
        }
        LocalDate day;
        LocalDate birth;
        try {
          day = LocalDate.parse(r.get("event_time").substring(0, 10));
          birth = LocalDate.parse(account.get("birth_date"));
        } catch (RuntimeException brokenOnPurpose) {
          continue;
        }
        if (java.time.Period.between(birth, day).getYears() < 18
            && !labelled.get("underage_spending").contains(r.get(who))) {
          unlabelled.add(table + " " + r.get("event_id") + " by " + r.get(who) + " born " + birth);
        }
      }
    }
    assertTrue(unlabelled.isEmpty(), "a minor spends outside the labelled pattern: " + unlabelled);
  }

  @Test
  void patternsHaveTheirDocumentedShape() {
    for (String u : labelled.get("overspending_baseline")) {
      List<Long> days = new ArrayList<>(giftsByDay(u).values());
      long max = days.stream().mapToLong(Long::longValue).max().orElseThrow();
      long rest = days.stream().mapToLong(Long::longValue).sum() - max;
      assertTrue(max >= 8.0 * rest / Math.max(1, days.size() - 1), u + " spikes: " + days);
    }
    for (String u : labelled.get("underage_spending")) {
      LocalDate birth = LocalDate.parse(accounts.get(u).get("birth_date"));
      for (LedgerFiles.Row r : of("underage_spending", "recharges", "user_id", u)) {
        LocalDate day = LocalDate.parse(r.get("event_time").substring(0, 10));
        int age = java.time.Period.between(birth, day).getYears();
        assertTrue(age >= 13 && age <= 17, u + " aged " + age);
      }
    }
    Map<String, Set<String>> byCard = new HashMap<>();
    Map<String, Set<String>> byDevice = new HashMap<>();
    for (LedgerFiles.Row r : byPattern.get("shared_card_farm")) {
      if (r.get("payment_fingerprint") != null) {
        byCard
            .computeIfAbsent(r.get("payment_fingerprint"), k -> new HashSet<>())
            .add(r.get("user_id"));
        byDevice.computeIfAbsent(r.get("device_id"), k -> new HashSet<>()).add(r.get("user_id"));
      }
    }
    for (String u : labelled.get("shared_card_farm")) {
      assertTrue(
          byCard.values().stream().anyMatch(s -> s.contains(u) && s.size() >= 8)
              || byDevice.values().stream().anyMatch(s -> s.contains(u) && s.size() >= 8),
          u);
    }
    for (String u : labelled.get("chargeback_after_gifting")) {
      List<LedgerFiles.Row> cbs = of("chargeback_after_gifting", "reversals", "user_id", u);
      assertFalse(cbs.isEmpty(), u);
      for (LedgerFiles.Row cb : cbs) {
        LedgerFiles.Row rc =
            rows.get("recharges").stream()
                .filter(r -> cb.get("recharge_event_id").equals(r.get("event_id")))
                .findFirst()
                .orElseThrow();
        long h =
            Duration.between(
                    Instant.parse(rc.get("event_time")), Instant.parse(cb.get("event_time")))
                .toHours();
        assertTrue(h >= 24 && h <= 120, u + " chargeback after " + h + " h");
        assertEquals("chargeback", cb.get("kind"));
      }
    }
    for (String u : labelled.get("promo_farming")) {
      if ("true".equals(accounts.get(u).get("is_creator"))) {
        continue;
      }
      assertFalse(of("promo_farming", "rewards", "user_id", u).isEmpty(), u);
    }
  }

  // ---- the variants of each pattern (the run has at least four instances of each)

  static Instant time(LedgerFiles.Row r) {
    return Instant.parse(r.get("event_time"));
  }

  /** event_time, or null for a row broken on purpose. */
  static Instant timeOrNull(LedgerFiles.Row r) {
    try {
      return time(r);
    } catch (RuntimeException brokenOnPurpose) {
      return null;
    }
  }

  static long minutes(Instant from, Instant to) {
    return Duration.between(from, to).toMinutes();
  }

  static long coins(LedgerFiles.Row r) {
    return Long.parseLong(r.get("coins"));
  }

  /** A pattern's rows of one table, by event_time. */
  List<LedgerFiles.Row> events(String pattern, String table) {
    return byPattern.getOrDefault(pattern, List.of()).stream()
        .filter(r -> r.file().toString().contains("/" + table + "/"))
        .sorted(Comparator.comparing(PatternsTest::time))
        .toList();
  }

  /** A pattern's rows of one table for one account, by event_time. */
  List<LedgerFiles.Row> events(String pattern, String table, String column, String account) {
    return events(pattern, table).stream().filter(r -> account.equals(r.get(column))).toList();
  }

  /** Accounts of labels.csv (pattern) or lookalikes.csv (kind) with that role. */
  Set<String> as(String pattern, String role) {
    return labelledAs.getOrDefault(pattern + "/" + role, Set.of());
  }

  Instant created(String account) {
    return Instant.parse(accounts.get(account).get("created_at"));
  }

  Instant start() {
    return START.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
  }

  /** Coins by UTC date of these gifts. */
  static TreeMap<String, Long> byDate(List<LedgerFiles.Row> gifts) {
    TreeMap<String, Long> m = new TreeMap<>();
    for (LedgerFiles.Row g : gifts) {
      m.merge(g.get("event_time").substring(0, 10), coins(g), Long::sum);
    }
    return m;
  }

  /** Accounts linked by a card or a device they recharged with, one set per link group. */
  static Collection<Set<String>> linked(List<LedgerFiles.Row> recharges) {
    Map<String, String> parent = new HashMap<>();
    for (LedgerFiles.Row r : recharges) {
      union(parent, "u:" + r.get("user_id"), "c:" + r.get("payment_fingerprint"));
      union(parent, "u:" + r.get("user_id"), "d:" + r.get("device_id"));
    }
    Map<String, Set<String>> groups = new TreeMap<>();
    for (String k : List.copyOf(parent.keySet())) {
      if (k.startsWith("u:")) {
        groups.computeIfAbsent(root(parent, k), x -> new TreeSet<>()).add(k.substring(2));
      }
    }
    return groups.values();
  }

  private static String root(Map<String, String> parent, String k) {
    parent.putIfAbsent(k, k);
    while (!parent.get(k).equals(k)) {
      k = parent.get(k);
    }
    return k;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    parent.put(root(parent, a), root(parent, b));
  }

  @Test
  void cardTestingComesInBurstsAndSlowlyWithManyCardsOrOneSharedCard() {
    List<LedgerFiles.Row> recharges = events("card_testing", "recharges");
    Collection<Set<String>> instances = linked(recharges);
    assertEquals(
        labelled.get("card_testing"),
        instances.stream().flatMap(Set::stream).collect(Collectors.toSet()));
    Set<String> shapes = new TreeSet<>();
    for (Set<String> testers : instances) {
      List<LedgerFiles.Row> rc =
          recharges.stream().filter(r -> testers.contains(r.get("user_id"))).toList();
      List<Long> gaps = new ArrayList<>();
      for (int j = 1; j < rc.size(); j++) {
        gaps.add(Duration.between(time(rc.get(j - 1)), time(rc.get(j))).toSeconds());
      }
      long span = minutes(time(rc.get(0)), time(rc.get(rc.size() - 1)));
      boolean burst = gaps.stream().allMatch(g -> g >= 5 && g <= 90);
      boolean slow = gaps.stream().allMatch(g -> g >= 60) && span >= 60 && span <= 5 * 60;
      assertTrue(burst ^ slow, testers + ": gaps " + gaps + " s over " + span + " min");
      Set<String> cards =
          rc.stream().map(r -> r.get("payment_fingerprint")).collect(Collectors.toSet());
      boolean shared = cards.size() == 1 && testers.size() >= 3 && testers.size() <= 6;
      boolean many = testers.size() <= 3 && cards.size() >= Math.max(4, rc.size() / 2);
      assertTrue(
          shared ^ many, testers + ": " + cards.size() + " cards for " + rc.size() + " recharges");
      assertTrue(rc.size() >= 12 && rc.size() <= 40, "recharges: " + rc.size());
      assertTrue(rc.stream().allMatch(r -> coins(r) <= 100), "tiny recharges");
      shapes.add((burst ? "burst" : "slow") + "+" + (shared ? "shared card" : "many cards"));
    }
    assertEquals(
        Set.of("burst+many cards", "burst+shared card", "slow+many cards", "slow+shared card"),
        shapes);
    Map<String, LedgerFiles.Row> byId =
        recharges.stream().collect(Collectors.toMap(r -> r.get("event_id"), r -> r));
    List<LedgerFiles.Row> chargebacks = events("card_testing", "reversals");
    assertFalse(chargebacks.isEmpty());
    assertTrue(
        chargebacks.size() < recharges.size() / 2, "some recharges, not most, are charged back");
    List<Long> hours = new ArrayList<>();
    for (LedgerFiles.Row cb : chargebacks) {
      assertEquals("chargeback", cb.get("kind"));
      hours.add(Duration.between(time(byId.get(cb.get("recharge_event_id"))), time(cb)).toHours());
    }
    assertTrue(hours.stream().allMatch(h -> h >= 24 && h <= 6 * 24), hours.toString());
    assertTrue(hours.stream().anyMatch(h -> h >= 48), "days later: " + hours);
  }

  @Test
  void takeoverUsesANewDeviceAndCardAtHomeOrAbroadAndPaysTheThiefsNewCreatorOrAStranger() {
    Set<String> thiefCreators = as("account_takeover", "creator");
    Set<String> receivers = new HashSet<>();
    Set<String> shapes = new TreeSet<>();
    for (String u : as("account_takeover", "sender")) {
      List<LedgerFiles.Row> gifts = events("account_takeover", "gifts", "sender_id", u);
      String habitDevice = gifts.get(0).get("device_id");
      List<LedgerFiles.Row> takeover =
          gifts.stream().filter(g -> !habitDevice.equals(g.get("device_id"))).toList();
      assertFalse(takeover.isEmpty(), u + " is taken over");
      Instant from = time(takeover.get(0));
      assertTrue(
          gifts.stream()
              .filter(g -> habitDevice.equals(g.get("device_id")))
              .allMatch(g -> time(g).isBefore(from)),
          u + ": a history on its own device first");
      assertEquals(1, takeover.stream().map(g -> g.get("device_id")).distinct().count(), u);
      List<LedgerFiles.Row> recharges = events("account_takeover", "recharges", "user_id", u);
      Set<String> ownCards =
          recharges.stream()
              .filter(r -> habitDevice.equals(r.get("device_id")))
              .map(r -> r.get("payment_fingerprint"))
              .collect(Collectors.toSet());
      Set<String> thiefCards =
          recharges.stream()
              .filter(r -> !habitDevice.equals(r.get("device_id")))
              .map(r -> r.get("payment_fingerprint"))
              .collect(Collectors.toSet());
      assertFalse(thiefCards.isEmpty(), u);
      assertTrue(java.util.Collections.disjoint(ownCards, thiefCards), u + " pays with a new card");
      Set<String> to = takeover.stream().map(g -> g.get("creator_id")).collect(Collectors.toSet());
      assertEquals(1, to.size(), u);
      String receiver = to.iterator().next();
      assertTrue(
          rows.get("gifts").stream()
              .noneMatch(
                  g ->
                      u.equals(g.get("sender_id"))
                          && receiver.equals(g.get("creator_id"))
                          && timeOrNull(g) != null
                          && timeOrNull(g).isBefore(from)),
          u + " never gifted " + receiver + " before");
      Set<String> ips = takeover.stream().map(g -> g.get("ip_country")).collect(Collectors.toSet());
      assertEquals(1, ips.size());
      boolean home = ips.contains(accounts.get(u).get("country"));
      boolean thief = thiefCreators.contains(receiver);
      if (thief) {
        long hours = Duration.between(created(receiver), from).toHours();
        assertTrue(hours >= 48 && hours < 11 * 24, receiver + " is " + hours + " h old");
        assertEquals("true", accounts.get(receiver).get("is_creator"));
        assertEquals(
            ips.iterator().next(), accounts.get(receiver).get("country"), "the thief's country");
      } else {
        assertTrue(
            created(receiver).isBefore(start().minus(Duration.ofDays(14))),
            receiver + " is established");
      }
      receivers.add(receiver);
      shapes.add((home ? "home" : "abroad") + "+" + (thief ? "thief's creator" : "stranger"));
    }
    assertEquals(
        Set.of(
            "abroad+thief's creator", "home+thief's creator", "abroad+stranger", "home+stranger"),
        shapes);
    assertTrue(
        receivers.containsAll(thiefCreators), "each labelled creator receives a victim's gifts");
  }

  @Test
  void launderingFeedsMuleCreatorsTwoToThreeWeeksOldFromFreshAndDormantAccounts() {
    String pattern = "stolen_card_laundering";
    Set<String> mules = as(pattern, "creator");
    List<LedgerFiles.Row> gifts = events(pattern, "gifts");
    for (String m : mules) {
      Instant first =
          gifts.stream()
              .filter(g -> m.equals(g.get("creator_id")))
              .map(PatternsTest::time)
              .min(Instant::compareTo)
              .orElseThrow();
      long days = Duration.between(created(m), first).toDays();
      assertTrue(
          days >= 14 && days <= 21, m + " is " + days + " days old at its first laundering gift");
      assertEquals("true", accounts.get(m).get("is_creator"));
    }
    Map<String, LedgerFiles.Row> rechargeById = new HashMap<>();
    Map<String, Set<String>> feedersByCard = new HashMap<>();
    Map<String, Boolean> fresh = new TreeMap<>();
    boolean newCards = false;
    for (String u : as(pattern, "sender")) {
      List<LedgerFiles.Row> rc = events(pattern, "recharges", "user_id", u);
      rc.forEach(r -> rechargeById.put(r.get("event_id"), r));
      Instant first = time(rc.get(0));
      boolean isFresh = Duration.between(created(u), first).toHours() < 48;
      boolean dormant =
          created(u).isBefore(start().minus(Duration.ofDays(180)))
              && Stream.of(rows.get("gifts"), rows.get("recharges"))
                  .flatMap(List::stream)
                  .noneMatch(
                      r ->
                          (u.equals(r.get("sender_id")) || u.equals(r.get("user_id")))
                              && timeOrNull(r) != null
                              && timeOrNull(r).isBefore(first));
      assertTrue(isFresh ^ dormant, u + " is either brand new or aged and dormant");
      fresh.put(u, isFresh);
      List<LedgerFiles.Row> sent = events(pattern, "gifts", "sender_id", u);
      assertFalse(sent.isEmpty(), u);
      assertTrue(
          sent.stream().allMatch(g -> mules.contains(g.get("creator_id"))), u + " feeds a mule");
      assertTrue(
          sent.stream()
              .allMatch(
                  g ->
                      Set.of("private_jet", "dragon", "lion", "universe")
                          .contains(g.get("gift_id"))),
          u);
      Set<String> cards =
          rc.stream().map(r -> r.get("payment_fingerprint")).collect(Collectors.toSet());
      newCards |= cards.size() >= 2;
      cards.forEach(c -> feedersByCard.computeIfAbsent(c, k -> new TreeSet<>()).add(u));
      List<LedgerFiles.Row> chargebacks = events(pattern, "reversals", "user_id", u);
      assertFalse(chargebacks.isEmpty(), u + " has a chargeback");
      for (LedgerFiles.Row cb : chargebacks) {
        long h =
            Duration.between(time(rechargeById.get(cb.get("recharge_event_id"))), time(cb))
                .toHours();
        assertTrue(h >= 24 && h <= 6 * 24, u + " chargeback after " + h + " h");
      }
    }
    assertTrue(
        fresh.containsValue(true) && fresh.containsValue(false),
        "fresh and dormant feeders: " + fresh);
    assertTrue(newCards, "feeders with a new card per recharge");
    List<Set<String>> shared = feedersByCard.values().stream().filter(s -> s.size() >= 2).toList();
    assertFalse(shared.isEmpty(), "feeders sharing one card");
    assertTrue(
        shared.stream()
            .anyMatch(s -> s.stream().anyMatch(fresh::get) && !s.stream().allMatch(fresh::get)),
        "one card feeding fresh and dormant accounts alike");
  }

  @Test
  void overspendingComesAsBaselineFirstNightLightViewerAndWeekOldAccount() {
    String pattern = "overspending_baseline";
    Set<String> kinds = new TreeSet<>();
    for (String u : labelled.get(pattern)) {
      List<LedgerFiles.Row> gifts = events(pattern, "gifts", "sender_id", u);
      TreeMap<String, Long> byDay = byDate(gifts);
      String spike =
          byDay.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      List<Long> earlier = new ArrayList<>(byDay.headMap(spike).values());
      List<LedgerFiles.Row> packs =
          events(pattern, "recharges", "user_id", u).stream()
              .filter(r -> r.dt().equals(spike))
              .toList();
      Instant first = time(packs.get(0));
      long age = Duration.between(created(u), first).toDays();
      String kind =
          age >= 4 && age <= 10
              ? "week old"
              : spike.equals(START.toString()) && earlier.isEmpty()
                  ? "first night"
                  : earlier.size() == 1 ? "light viewer" : "baseline";
      if (kind.equals("baseline")) {
        assertTrue(earlier.size() >= 2, u + " has a habit: " + byDay);
        double usual = earlier.stream().mapToLong(Long::longValue).average().orElseThrow();
        assertTrue(byDay.get(spike) >= 8 * usual, u + " spikes: " + byDay);
      } else {
        assertTrue(
            packs.size() >= 6 && packs.size() <= 14,
            u + " " + kind + ": " + packs.size() + " packs");
        assertTrue(
            minutes(first, time(packs.get(packs.size() - 1))) <= 4 * 60, u + " within a few hours");
        for (LedgerFiles.Row pack : packs) {
          assertTrue(
              gifts.stream()
                  .anyMatch(
                      g -> !time(g).isBefore(time(pack)) && minutes(time(pack), time(g)) <= 15),
              u + ": each pack gifted on within minutes");
        }
      }
      if (kind.equals("first night")) {
        assertTrue(age >= 30, u + " is an established account without history");
      }
      kinds.add(kind);
    }
    assertEquals(Set.of("baseline", "first night", "light viewer", "week old"), kinds);
  }

  @Test
  void promoFarmsOf10To25NewAccountsGiftTheirRewardsWithinMinutes() {
    String pattern = "promo_farming";
    Map<String, Set<String>> farms = new TreeMap<>();
    Map<String, Boolean> drips = new HashMap<>();
    Map<String, Instant> firstReward = new HashMap<>();
    for (String u : as(pattern, "sender")) {
      List<LedgerFiles.Row> gifts = events(pattern, "gifts", "sender_id", u);
      List<LedgerFiles.Row> rewards = events(pattern, "rewards", "user_id", u);
      Set<String> to = gifts.stream().map(g -> g.get("creator_id")).collect(Collectors.toSet());
      assertEquals(1, to.size(), u + " gifts to one creator");
      farms.computeIfAbsent(to.iterator().next(), k -> new TreeSet<>()).add(u);
      firstReward.put(u, time(rewards.get(0)));
      assertTrue(Duration.between(created(u), time(rewards.get(0))).toHours() < 48, u + " is new");
      assertEquals(1, rewards.stream().map(r -> r.get("campaign_id")).distinct().count(), u);
      Instant firstGift = time(gifts.get(0));
      Instant rewardBefore =
          rewards.stream()
              .map(PatternsTest::time)
              .filter(t -> !t.isAfter(firstGift))
              .max(Instant::compareTo)
              .orElseThrow();
      assertTrue(minutes(rewardBefore, firstGift) <= 15, u + " gifts within minutes");
      long earned =
          Stream.concat(rewards.stream(), events(pattern, "recharges", "user_id", u).stream())
              .mapToLong(PatternsTest::coins)
              .sum();
      long gifted = gifts.stream().mapToLong(PatternsTest::coins).sum();
      assertTrue(
          gifted <= earned && gifted >= 0.8 * earned, u + " gifted " + gifted + " of " + earned);
      Instant lastReward = time(rewards.get(rewards.size() - 1));
      drips.put(u, gifts.stream().anyMatch(g -> time(g).isBefore(lastReward)));
    }
    Set<String> shapes = new TreeSet<>();
    for (Map.Entry<String, Set<String>> farm : farms.entrySet()) {
      Set<String> senders = farm.getValue();
      assertTrue(senders.size() >= 10 && senders.size() <= 25, "farm of " + senders.size());
      assertTrue(as(pattern, "creator").contains(farm.getKey()), "the farm's creator is labelled");
      List<Instant> starts = senders.stream().map(firstReward::get).sorted().toList();
      boolean burst = minutes(starts.get(0), starts.get(starts.size() - 1)) <= 120;
      boolean drip = senders.stream().anyMatch(drips::get);
      shapes.add((drip ? "drip" : "batch") + "+" + (burst ? "burst" : "spread"));
    }
    assertEquals(Set.of("batch+burst", "batch+spread", "drip+burst", "drip+spread"), shapes);
    assertTrue(farms.values().stream().map(Set::size).distinct().count() > 1, "farm sizes vary");
  }

  @Test
  void ringsCycleOneWayOrBothWaysOnConsecutiveOrAlternateDays() {
    Set<String> members = labelled.get("reciprocal_ring");
    Map<String, Set<String>> sendsTo = new TreeMap<>();
    Map<String, TreeSet<String>> dates = new TreeMap<>();
    for (LedgerFiles.Row g : events("reciprocal_ring", "gifts")) {
      sendsTo.computeIfAbsent(g.get("sender_id"), k -> new TreeSet<>()).add(g.get("creator_id"));
      dates.computeIfAbsent(g.get("sender_id"), k -> new TreeSet<>()).add(g.dt());
    }
    assertEquals(members, sendsTo.keySet());
    for (Set<String> to : sendsTo.values()) {
      assertTrue(members.containsAll(to));
    }
    assertEquals(
        members,
        sendsTo.values().stream().flatMap(Set::stream).collect(Collectors.toSet()),
        "every member also receives");
    assertTrue(sendsTo.values().stream().anyMatch(to -> to.size() == 1), "a one-way cycle");
    assertTrue(sendsTo.values().stream().anyMatch(to -> to.size() == 2), "a cycle both ways");
    Set<Long> steps = new TreeSet<>();
    for (TreeSet<String> ds : dates.values()) {
      String prev = null;
      for (String d : ds) {
        if (prev != null) {
          steps.add(
              java.time.temporal.ChronoUnit.DAYS.between(
                  LocalDate.parse(prev), LocalDate.parse(d)));
        }
        prev = d;
      }
    }
    assertEquals(Set.of(1L, 2L), steps, "consecutive and alternate days");
  }

  @Test
  void selfGiftingAltsShareTheCreatorsDeviceOrCard() {
    String pattern = "self_gifting";
    for (String c : as(pattern, "creator")) {
      List<LedgerFiles.Row> own = events(pattern, "recharges", "user_id", c);
      assertFalse(own.isEmpty(), c + " recharges itself");
      Set<String> devices = own.stream().map(r -> r.get("device_id")).collect(Collectors.toSet());
      Set<String> cards =
          own.stream().map(r -> r.get("payment_fingerprint")).collect(Collectors.toSet());
      Set<String> alts =
          events(pattern, "gifts").stream()
              .filter(g -> c.equals(g.get("creator_id")))
              .map(g -> g.get("sender_id"))
              .collect(Collectors.toSet());
      assertTrue(alts.size() >= 1 && alts.size() <= 5, c + " alts " + alts.size());
      assertTrue(as(pattern, "sender").containsAll(alts));
      for (String alt : alts) {
        assertTrue(
            events(pattern, "recharges", "user_id", alt).stream()
                .allMatch(
                    r ->
                        devices.contains(r.get("device_id"))
                            || cards.contains(r.get("payment_fingerprint"))),
            alt);
      }
    }
  }

  // ---- look-alikes

  @Test
  void creatorBattlesAreManyFansGiftingBigToTwoCreatorsWithinMinutes() {
    String kind = "creator_battle";
    Set<String> creators = as(kind, "creator");
    List<LedgerFiles.Row> gifts = events(kind, "gifts");
    assertEquals(
        creators, gifts.stream().map(g -> g.get("creator_id")).collect(Collectors.toSet()));
    assertTrue(as(kind, "sender").size() >= 12 * creators.size() / 2, "12-40 fans a battle");
    for (String c : creators) {
      List<Instant> ts =
          gifts.stream()
              .filter(g -> c.equals(g.get("creator_id")))
              .map(PatternsTest::time)
              .toList();
      Instant windowStart = ts.get(0);
      for (int j = 1; j < ts.size(); j++) {
        if (minutes(ts.get(j - 1), ts.get(j)) > 20) {
          windowStart = ts.get(j); // the rematch
        }
        assertTrue(minutes(windowStart, ts.get(j)) <= 15, c + ": a battle lasts minutes");
      }
    }
    assertTrue(gifts.stream().allMatch(g -> coins(g) >= 1000), "big gifts");
    for (String fan : as(kind, "sender")) {
      assertTrue(
          created(fan).isBefore(start().minus(Duration.ofDays(59))),
          fan + " is an established viewer");
    }
    assertTrue(events(kind, "reversals").isEmpty());
  }

  @Test
  void dailyRewardGiftersAreEstablishedAndGiftEachRewardWithinMinutes() {
    String kind = "daily_reward_gifter";
    int mostDays = 0;
    for (String u : as(kind, "sender")) {
      assertTrue(created(u).isBefore(start().minus(Duration.ofDays(19))), u + " is established");
      List<LedgerFiles.Row> rewards = events(kind, "rewards", "user_id", u);
      for (LedgerFiles.Row g : events(kind, "gifts", "sender_id", u)) {
        assertTrue(
            rewards.stream()
                .anyMatch(r -> !time(r).isAfter(time(g)) && minutes(time(r), time(g)) <= 25),
            u + ": a gift follows a reward within minutes");
      }
      mostDays =
          Math.max(mostDays, (int) rewards.stream().map(LedgerFiles.Row::dt).distinct().count());
      assertTrue(events(kind, "recharges", "user_id", u).isEmpty(), "reward coins only");
    }
    assertTrue(mostDays >= 4, "day after day: " + mostDays);
  }

  @Test
  void newcomersBuyOnePackAndGiftItOnTheirFirstDay() {
    String kind = "newcomer_first_pack";
    for (String u : as(kind, "sender")) {
      LedgerFiles.Row pack = events(kind, "recharges", "user_id", u).get(0);
      long age = minutes(created(u), time(pack));
      assertTrue(
          age >= 10 && age <= 240 && created(u).toString().startsWith(pack.dt()),
          u + " new that day");
      long gifted =
          events(kind, "gifts", "sender_id", u).stream()
              .filter(g -> g.dt().equals(pack.dt()))
              .mapToLong(PatternsTest::coins)
              .sum();
      assertTrue(
          gifted >= coins(pack) / 2 && gifted <= coins(pack),
          u + " gifts the pack on its first day");
    }
    assertTrue(events(kind, "reversals").isEmpty());
  }

  @Test
  void bigNightsAreOneNightOfALightViewerSometimesItsBirthday() {
    String kind = "big_night";
    Set<Boolean> birthdays = new HashSet<>();
    for (String u : as(kind, "sender")) {
      TreeMap<String, Long> byDay = byDate(events(kind, "gifts", "sender_id", u));
      String night =
          byDay.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      long big = byDay.get(night);
      // 2,000-15,000 coins, less what no gift fits (under 100 coins a favourite)
      assertTrue(
          big >= 1700 && byDay.values().stream().filter(c -> c != big).allMatch(c -> c * 5 <= big),
          u + ": one big night " + byDay);
      long packs =
          events(kind, "recharges", "user_id", u).stream()
              .filter(r -> r.dt().equals(night))
              .count();
      assertTrue(packs >= 1 && packs <= 3, u + " " + packs + " packs");
      String birth = accounts.get(u).get("birth_date");
      birthdays.add(birth != null && birth.substring(5).equals(night.substring(5)));
    }
    assertEquals(Set.of(true, false), birthdays, "birthday nights and other nights");
  }

  @Test
  void householdsShareOneCardAndSometimesATablet() {
    boolean tablet = false;
    for (Set<String> household : linked(events("family_shared_card", "recharges"))) {
      List<LedgerFiles.Row> rc =
          events("family_shared_card", "recharges").stream()
              .filter(r -> household.contains(r.get("user_id")))
              .toList();
      assertEquals(
          1,
          rc.stream().map(r -> r.get("payment_fingerprint")).distinct().count(),
          household.toString());
      assertTrue(household.size() >= 2 && household.size() <= 5, household.toString());
      tablet |= rc.stream().map(r -> r.get("device_id")).distinct().count() < household.size();
    }
    assertTrue(tablet, "a household with a shared tablet");
    for (String w : as("whale", "sender")) {
      List<LedgerFiles.Row> rc = events("whale", "recharges", "user_id", w);
      assertEquals(1, rc.stream().map(r -> r.get("device_id")).distinct().count(), w);
      assertTrue(rc.stream().map(r -> r.get("payment_fingerprint")).distinct().count() <= 2, w);
      assertTrue(created(w).isBefore(start().minus(Duration.ofDays(89))), w);
      assertTrue(
          byDate(events("whale", "gifts", "sender_id", w)).size() >= 3,
          w + " spends day after day");
    }
    for (String t : as("traveller", "sender")) {
      List<LedgerFiles.Row> gifts = events("traveller", "gifts", "sender_id", t);
      assertEquals(
          1,
          gifts.stream().map(g -> g.get("device_id")).distinct().count(),
          t + " keeps its device");
      assertEquals(
          2, gifts.stream().map(g -> g.get("ip_country")).distinct().count(), t + " travels");
    }
  }

  /** Plans every standard pattern for these options (no files); pattern name → instances. */
  static Map<String, Integer> plan(GeneratorOptions o) {
    Schedule schedule = new Schedule(o.start(), o.days());
    Population pop = new Population(o, schedule);
    List<InjectedPattern> all = StandardPatterns.all();
    Map<String, Integer> instances = new TreeMap<>();
    for (int q = 0; q < all.size(); q++) {
      PatternContext ctx = new PatternContext(o, pop, schedule, q);
      InjectedPattern p = all.get(q);
      p.accounts(ctx); // plans it, and throws if an account would act before it is in a snapshot
      instances.put(p.name(), p.instances(ctx));
      assertFalse(
          (PATTERNS.contains(p.name()) ? p.labels(ctx) : p.lookalikes(ctx)).isEmpty(), p.name());
    }
    return instances;
  }

  @Test
  void theSparseEvaluationHasEveryPatternAndTheirVariantsAndATinyScaleStillOneOfEach() {
    // about 25,000 users, patterns rare beside look-alikes at full rate, as the sparse evaluation
    // runs it
    GeneratorOptions sparse =
        new GeneratorOptions(
                tmp.resolve("unused"), START, 7, 25_000, 1_000, 7L, LedgerFormat.PARQUET, catalogue)
            .withScales(0.25, 1);
    Map<String, Integer> instances = plan(sparse);
    for (String p :
        List.of(
            "card_testing",
            "account_takeover",
            "stolen_card_laundering",
            "overspending_baseline")) {
      assertTrue(
          instances.get(p) >= 4, "four shapes by instance: " + p + " has " + instances.get(p));
    }
    assertEquals(8, instances.get("creator_battle"), "look-alikes at full rate: 0.3 x 25");
    Map<String, Integer> rare = plan(sparse.withScales(0.001, 0.001));
    assertTrue(rare.values().stream().allMatch(n -> n >= 1), rare.toString());
  }

  @Test
  void switchedOffThereAreNoPatternsAndSmallLedgersStillWork() throws IOException {
    Path off = tmp.resolve("off");
    GenerationSummary s =
        LedgerGenerator.generate(
            new GeneratorOptions(off, START, 3, 300, 20, 5L, LedgerFormat.MIXED, catalogue)
                .withoutPatterns(),
            x -> {});
    assertEquals(
        List.of(List.of("account_id", "role", "pattern")),
        Csv.read(off.resolve("_truth/labels.csv")));
    assertEquals(
        List.of(List.of("account_id", "role", "kind")),
        Csv.read(off.resolve("_truth/lookalikes.csv")));
    assertEquals(0L, s.patternRowsByTable().values().stream().mapToLong(Long::longValue).sum());
    assertEquals(0L, s.labels());
    // tiny ledgers (few creators, 1-2 days): patterns still inject, and every row stays valid
    for (int days : List.of(1, 2)) {
      Path small = tmp.resolve("small" + days);
      GenerationSummary g =
          LedgerGenerator.generate(
              new GeneratorOptions(small, START, days, 100, 10, 9L, LedgerFormat.CSV, catalogue),
              x -> {});
      assertTrue(g.labels() > 0 && g.lookalikes() > 0);
      ContractCheck check = new ContractCheck(small, catalogue);
      Set<String> broken =
          Csv.read(small.resolve("_truth/broken_rows.csv")).stream()
              .map(r -> r.get(0))
              .collect(Collectors.toSet());
      for (String t : EVENT_TABLES) {
        for (LedgerFiles.Row r : LedgerFiles.readTable(small, t)) {
          if (!broken.contains(r.get("event_id"))) {
            assertNull(check.reason(t, r), t + " " + r.values());
          }
        }
      }
    }
  }
}
