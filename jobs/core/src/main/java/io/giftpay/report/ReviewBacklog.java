package io.giftpay.report;

import io.giftpay.review.CaseStatus;
import io.giftpay.review.CaseSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the report shows of the review queue: the biggest open cases and the open cases by age. */
public final class ReviewBacklog {
  /** Age buckets in nights, youngest first: {@code [min, max]}, the last open-ended. */
  static final int[][] BUCKETS = {{0, 1}, {2, 3}, {4, 7}, {8, 14}, {15, Integer.MAX_VALUE}};

  private ReviewBacklog() {}

  /**
   * Open cases, most USD held first (then highest model score, then case id), at most {@code
   * limit}.
   */
  public static List<CaseSummary> biggestOpen(List<CaseSummary> cases, int limit) {
    return cases.stream()
        .filter(c -> c.status() == CaseStatus.OPEN)
        .sorted(
            Comparator.comparing(CaseSummary::usdHeld, Comparator.reverseOrder())
                .thenComparing(
                    c -> c.modelScore() == null ? Double.NEGATIVE_INFINITY : c.modelScore(),
                    Comparator.reverseOrder())
                .thenComparing(CaseSummary::caseId))
        .limit(limit)
        .toList();
  }

  /** Open cases per age bucket (0–1, 2–3, 4–7, 8–14, 15+ nights); every bucket, empty ones as 0. */
  public static List<NightReport.Count> byAge(List<CaseSummary> cases) {
    List<NightReport.Count> result = new ArrayList<>();
    for (int[] bucket : BUCKETS) {
      long n =
          cases.stream()
              .filter(
                  c ->
                      c.status() == CaseStatus.OPEN
                          && c.ageNights() >= bucket[0]
                          && c.ageNights() <= bucket[1])
              .count();
      result.add(new NightReport.Count(bucketName(bucket), n));
    }
    return result;
  }

  static String bucketName(int[] bucket) {
    return bucket[1] == Integer.MAX_VALUE ? bucket[0] + "+" : bucket[0] + "-" + bucket[1];
  }
}
