package io.giftpay.sample;

import io.giftpay.ledger.LedgerTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deliberately broken rows: a valid event (fresh id) changed so that it fails exactly one contract
 * check, and none earlier in the contract's order (section 2).
 */
final class BrokenRows {

  private static final String[] UNKNOWN_GIFTS = {
    "mystery_box", "golden_rose", "rose_v2", "heart_me"
  };

  private static final List<ReasonCode> GIFT_CODES =
      List.of(
          ReasonCode.MISSING_FIELD,
          ReasonCode.BAD_VALUE,
          ReasonCode.FUTURE_EVENT,
          ReasonCode.UNKNOWN_GIFT,
          ReasonCode.QUANTITY_OUT_OF_RANGE,
          ReasonCode.COINS_MISMATCH,
          ReasonCode.UNKNOWN_ACCOUNT,
          ReasonCode.NOT_A_CREATOR);
  private static final List<ReasonCode> RECHARGE_CODES =
      List.of(
          ReasonCode.NON_POSITIVE_AMOUNT,
          ReasonCode.MISSING_FIELD,
          ReasonCode.BAD_VALUE,
          ReasonCode.UNKNOWN_ACCOUNT,
          ReasonCode.FUTURE_EVENT);
  private static final List<ReasonCode> REWARD_CODES =
      List.of(
          ReasonCode.NON_POSITIVE_AMOUNT,
          ReasonCode.BAD_VALUE,
          ReasonCode.MISSING_FIELD,
          ReasonCode.UNKNOWN_ACCOUNT,
          ReasonCode.FUTURE_EVENT);
  private static final List<ReasonCode> REVERSAL_CODES =
      List.of(
          ReasonCode.NON_POSITIVE_AMOUNT,
          ReasonCode.MISSING_FIELD,
          ReasonCode.BAD_VALUE,
          ReasonCode.UNKNOWN_ACCOUNT);

  private final Events events;
  private final Population pop;
  private final long seed;
  private final boolean parquetOnly;

  BrokenRows(Events events, long seed, LedgerFormat format) {
    this.events = events;
    this.pop = events.pop;
    this.seed = seed;
    this.parquetOnly = format == LedgerFormat.PARQUET;
  }

  /** Reason codes injected into a table (BAD_VALUE needs CSV, so not in PARQUET format). */
  List<ReasonCode> codes(LedgerTable table) {
    List<ReasonCode> all =
        switch (table) {
          case GIFTS -> GIFT_CODES;
          case RECHARGES -> RECHARGE_CODES;
          case REWARDS -> REWARD_CODES;
          case REVERSALS -> REVERSAL_CODES;
          default -> List.of();
        };
    if (!parquetOnly) {
      return all;
    }
    List<ReasonCode> out = new ArrayList<>(all);
    out.remove(ReasonCode.BAD_VALUE);
    return out;
  }

  /**
   * Broken rows on day d: gifts about 0.2% (at least one per gift code), a few in the other tables.
   */
  int count(LedgerTable table, int d) {
    long n = events.count(table, d);
    return switch (table) {
      case GIFTS -> (int) Math.max(codes(table).size(), Math.round(0.002 * n));
      case RECHARGES, REWARDS -> (int) Math.max(1, Math.round(0.002 * n));
      case REVERSALS -> d % 2 == 1 ? 1 : 0;
      default -> 0;
    };
  }

  ReasonCode code(LedgerTable table, int d, int k) {
    List<ReasonCode> codes = codes(table);
    return codes.get((k + d) % codes.size());
  }

  /** Broken row k of day d: id continues after the day's valid events, so it is unique. */
  Object[] row(LedgerTable table, int d, int k, int of, ReasonCode code) {
    SplittableRandom r = new SplittableRandom(Mix.key(seed, 0xBAD0L + Events.t(table), d, k));
    String id = events.eventId(table, d, events.count(table, d) + k);
    Object[] row =
        table == LedgerTable.REVERSALS
            ? events.reversalTemplate(d, id, r)
            : events.template(table, d, id, r, (k + r.nextDouble()) / of);
    SplittableRandom b = new SplittableRandom(Mix.key(seed, 0xBAD1L + Events.t(table), d, k));
    long endOfDay = events.schedule.dayStartMs(d + 1);
    switch (code) {
      case MISSING_FIELD -> applyMissing(table, row, b);
      case FUTURE_EVENT ->
          row[1] = endOfDay + (b.nextInt(3) == 0 ? 0 : 1 + b.nextLong(20 * 3_600_000L));
      case BAD_VALUE -> badValue(table, row, b);
      case UNKNOWN_GIFT -> row[5] = unknownGift(b);
      case QUANTITY_OUT_OF_RANGE -> {
        int q = b.nextBoolean() ? 0 : 10_001;
        long unit = (Long) row[7] / (Integer) row[6];
        row[6] = q;
        row[7] = q * unit;
      }
      case COINS_MISMATCH -> row[7] = b.nextBoolean() ? (Long) row[7] * 10 : (Long) row[7] + 1;
      case NON_POSITIVE_AMOUNT -> nonPositive(table, row, b);
      case UNKNOWN_ACCOUNT -> row[userColumn(table)] = pop.unknownUserId(b);
      case NOT_A_CREATOR -> {
        int viewer = pop.creators + b.nextInt(pop.baseUsers - pop.creators);
        String id2 = pop.userId(viewer);
        if (id2.equals(row[2])) {
          viewer = pop.creators + (viewer - pop.creators + 1) % (pop.baseUsers - pop.creators);
          id2 = pop.userId(viewer);
        }
        row[3] = id2;
      }
      default -> throw new IllegalStateException(code.name());
    }
    return row;
  }

  private String unknownGift(SplittableRandom b) {
    String name = UNKNOWN_GIFTS[b.nextInt(UNKNOWN_GIFTS.length)];
    while (java.util.Arrays.asList(pop.giftIds).contains(name)) {
      name = name + "_x";
    }
    return name;
  }

  /** Required columns other than the key (the key stays, so the truth file can name the row). */
  private static int[] requiredAfterKey(LedgerTable table) {
    return switch (table) {
      case GIFTS -> new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9};
      case RECHARGES -> new int[] {1, 2, 4, 5, 6, 7, 8, 9, 10};
      case REVERSALS -> new int[] {1, 2, 3, 4, 5, 6, 7};
      case REWARDS -> new int[] {1, 2, 3, 4};
      default -> new int[0];
    };
  }

  static void applyMissing(LedgerTable table, Object[] row, SplittableRandom b) {
    int[] cols = requiredAfterKey(table);
    row[cols[b.nextInt(cols.length)]] = null;
  }

  private static int userColumn(LedgerTable table) {
    return switch (table) {
      case GIFTS, RECHARGES, REWARDS -> 2;
      case REVERSALS -> 3;
      default -> throw new IllegalArgumentException(table.name());
    };
  }

  private static void badValue(LedgerTable table, Object[] row, SplittableRandom b) {
    int v = b.nextInt(3);
    switch (table) {
      case GIFTS -> {
        if (v == 0) {
          row[6] = new RawValue("abc");
        } else if (v == 1) {
          row[1] = new RawValue("yesterday");
        } else {
          row[7] = new RawValue("12.5");
        }
      }
      case RECHARGES -> {
        if (v == 0) {
          row[5] = new RawValue("4,99");
        } else if (v == 1) {
          row[4] = new RawValue("lots");
        } else {
          row[1] = new RawValue("2026-13-01T00:00:00Z");
        }
      }
      case REWARDS -> {
        if (v == 0) {
          row[4] = new RawValue("ten");
        } else {
          row[1] = new RawValue("2026-11-01 25:61");
        }
      }
      case REVERSALS -> {
        if (v == 0) {
          row[6] = new RawValue("n/a");
        } else {
          row[5] = new RawValue("all");
        }
      }
      default -> throw new IllegalArgumentException(table.name());
    }
  }

  private static void nonPositive(LedgerTable table, Object[] row, SplittableRandom b) {
    boolean first = b.nextBoolean();
    switch (table) {
      case RECHARGES -> {
        if (first) {
          row[5] = new BigDecimal("0.00");
        } else {
          row[4] = 0L;
        }
      }
      case REWARDS -> row[4] = first ? -5L : 0L;
      case REVERSALS -> {
        if (first) {
          row[6] = new BigDecimal("0.00");
        } else {
          row[5] = -1L;
        }
      }
      default -> throw new IllegalArgumentException(table.name());
    }
  }
}
