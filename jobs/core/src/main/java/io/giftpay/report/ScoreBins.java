package io.giftpay.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The model's score histogram: bins 0.05 wide, from the lowest bin with a score to the highest. */
public final class ScoreBins {
  /** Bins per unit of score. */
  public static final int PER_UNIT = 20;

  private ScoreBins() {}

  /** The bin a score falls in: {@code floor(score × 20)}. */
  public static int binOf(double score) {
    return (int) Math.floor(score * PER_UNIT);
  }

  /** Counts keyed by {@link #binOf} as a continuous histogram (empty bins between as 0). */
  public static List<NightReport.ScoreBin> of(Map<Integer, Long> countsByBin) {
    List<NightReport.ScoreBin> bins = new ArrayList<>();
    if (countsByBin.isEmpty()) {
      return bins;
    }
    int low = countsByBin.keySet().stream().min(Integer::compare).orElseThrow();
    int high = countsByBin.keySet().stream().max(Integer::compare).orElseThrow();
    for (int b = low; b <= high; b++) {
      bins.add(
          new NightReport.ScoreBin(
              (double) b / PER_UNIT, (double) (b + 1) / PER_UNIT, countsByBin.getOrDefault(b, 0L)));
    }
    return bins;
  }
}
