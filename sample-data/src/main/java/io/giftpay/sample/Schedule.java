package io.giftpay.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar of a run: day indexes 0..days-1 from the start date, which days get a snapshot of
 * accounts and fx_rates, when the KYC change and the FX currency drop happen, gift volume per day.
 */
final class Schedule {
  static final long DAY_MS = 86_400_000L;

  final LocalDate start;
  final int days;
  private final long startMs;
  private final String[] dt;
  private final String[] compact;
  private final boolean[] accountsSnapshot;
  private final boolean[] fxSnapshot;

  /** Later accounts snapshot days, on which new accounts appear. */
  final List<Integer> signupDays = new ArrayList<>();

  /**
   * First accounts snapshot at or after mid-period: some creators are KYC verified from then on.
   */
  final int kycFlipDay;

  /** First fx snapshot at or after mid-period: the dropped currency is missing from then on. */
  final int fxDropDay;

  Schedule(LocalDate start, int days) {
    this.start = start;
    this.days = days;
    this.startMs = start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    this.dt = new String[days];
    this.compact = new String[days];
    this.accountsSnapshot = new boolean[days];
    this.fxSnapshot = new boolean[days];
    for (int d = 0; d < days; d++) {
      LocalDate date = start.plusDays(d);
      dt[d] = date.toString();
      compact[d] = dt[d].replace("-", "");
      accountsSnapshot[d] = d == 0 || d % 2 == 0;
      fxSnapshot[d] = d == 0 || d % 2 == 1;
      if (d > 0 && accountsSnapshot[d]) {
        signupDays.add(d);
      }
    }
    int mid = days / 2;
    kycFlipDay = firstAtOrAfter(accountsSnapshot, Math.max(1, mid));
    fxDropDay = firstAtOrAfter(fxSnapshot, Math.max(1, mid));
  }

  private int firstAtOrAfter(boolean[] flags, int from) {
    for (int d = from; d < days; d++) {
      if (flags[d]) {
        return d;
      }
    }
    return Integer.MAX_VALUE;
  }

  long dayStartMs(int d) {
    return startMs + d * DAY_MS;
  }

  /** Day index of an instant (may be outside 0..days-1). */
  int dayOf(long epochMillis) {
    return (int) Math.floorDiv(epochMillis - startMs, DAY_MS);
  }

  String dt(int d) {
    return dt[d];
  }

  String compact(int d) {
    return compact[d];
  }

  LocalDate date(int d) {
    return start.plusDays(d);
  }

  boolean accountsSnapshot(int d) {
    return accountsSnapshot[d];
  }

  boolean fxSnapshot(int d) {
    return fxSnapshot[d];
  }

  /** Weekly rhythm of gift volume; the seven factors average exactly 1. */
  static double dayOfWeekFactor(DayOfWeek dow) {
    return switch (dow) {
      case MONDAY, TUESDAY -> 0.85;
      case WEDNESDAY, THURSDAY -> 0.90;
      case FRIDAY -> 1.10;
      case SATURDAY, SUNDAY -> 1.20;
    };
  }

  /** Gifts (valid, on-time plus late) generated for day d: round(1.5 × users × dayOfWeekFactor). */
  static long giftsPerDay(int users, DayOfWeek dow) {
    return Math.round(1.5 * users * dayOfWeekFactor(dow));
  }
}
