package io.giftpay.evaluation;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How well flags match labelled truth: recall per pattern (labelled accounts flagged at least
 * once), precision (flagged accounts that are labelled), and review load (flagged accounts as a
 * share of active senders). Accounts are compared by id, whatever role or night.
 */
public record DetectionScore(
    Map<String, Recall> recallByPattern,
    int flagged,
    int flaggedLabelled,
    int activeSenders,
    Set<String> falsePositives) {

  /** One pattern's recall. */
  public record Recall(int labelled, int flagged) {
    public double rate() {
      return labelled == 0 ? 1.0 : (double) flagged / labelled;
    }
  }

  /**
   * @param labels account id to the patterns it is labelled with
   * @param flaggedAccounts every account flagged on any night
   */
  public static DetectionScore of(
      Map<String, Set<String>> labels, Set<String> flaggedAccounts, int activeSenders) {
    Map<String, int[]> counts = new TreeMap<>();
    labels.forEach(
        (account, patterns) ->
            patterns.forEach(
                pattern -> {
                  int[] c = counts.computeIfAbsent(pattern, p -> new int[2]);
                  c[0]++;
                  if (flaggedAccounts.contains(account)) {
                    c[1]++;
                  }
                }));
    Map<String, Recall> recall = new TreeMap<>();
    counts.forEach((pattern, c) -> recall.put(pattern, new Recall(c[0], c[1])));
    Set<String> falsePositives = new TreeSet<>(flaggedAccounts);
    falsePositives.removeAll(labels.keySet());
    return new DetectionScore(
        Collections.unmodifiableMap(recall),
        flaggedAccounts.size(),
        flaggedAccounts.size() - falsePositives.size(),
        activeSenders,
        Collections.unmodifiableSet(falsePositives));
  }

  /**
   * Recall over the accounts with at least one label that {@code counts} accepts (each account
   * once): e.g. fraud patterns apart from the care ones (overspending, minors).
   */
  public static double recallOf(
      Map<String, Set<String>> labels,
      Set<String> flaggedAccounts,
      java.util.function.Predicate<String> counts) {
    long labelled = 0;
    long hit = 0;
    for (Map.Entry<String, Set<String>> e : labels.entrySet()) {
      if (e.getValue().stream().anyMatch(counts)) {
        labelled++;
        if (flaggedAccounts.contains(e.getKey())) {
          hit++;
        }
      }
    }
    return labelled == 0 ? 1.0 : (double) hit / labelled;
  }

  /** Labelled accounts flagged / labelled accounts, over all patterns (each account once). */
  public double overallRecall(Map<String, Set<String>> labels, Set<String> flaggedAccounts) {
    long hit = labels.keySet().stream().filter(flaggedAccounts::contains).count();
    return labels.isEmpty() ? 1.0 : (double) hit / labels.size();
  }

  public double precision() {
    return flagged == 0 ? 1.0 : (double) flaggedLabelled / flagged;
  }

  public double reviewLoad() {
    return activeSenders == 0 ? 0.0 : (double) flagged / activeSenders;
  }
}
