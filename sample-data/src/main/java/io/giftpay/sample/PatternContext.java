package io.giftpay.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;

/** What an {@link InjectedPattern} may know about the generated population and calendar. */
public final class PatternContext {
    private final GeneratorOptions options;
    private final Population pop;
    private final Schedule schedule;
    private final int patternOrdinal;

    PatternContext(GeneratorOptions options, Population pop, Schedule schedule, int patternOrdinal) {
        this.options = options;
        this.pop = pop;
        this.schedule = schedule;
        this.patternOrdinal = patternOrdinal;
    }

    public GeneratorOptions options() {
        return options;
    }

    public int days() {
        return schedule.days;
    }

    /** Landing date of day index d. */
    public LocalDate date(int day) {
        return schedule.date(day);
    }

    /** Start of day d, UTC. */
    public Instant dayStart(int day) {
        return Instant.ofEpochMilli(schedule.dayStartMs(day));
    }

    /** Number of generated accounts in the snapshot as of day d (indexes 0..n-1). */
    public int activeUsers(int day) {
        return pop.activeUsers(day);
    }

    /** Generated creators are the indexes 0..creators-1. */
    public int creators() {
        return pop.creators;
    }

    /** user_id of generated account idx. */
    public String userId(int idx) {
        return pop.userId(idx);
    }

    public boolean isCreator(int idx) {
        return pop.isCreator(idx);
    }

    public String country(int idx) {
        return pop.country(idx);
    }

    /** The gift catalogue, sorted by gift_id. */
    public Map<String, Long> giftCoins() {
        return options.giftCoins();
    }

    /** A new account id, distinct from every generated one and from other patterns' ids. */
    public String newAccountId(long n) {
        if (n < 0 || n >= (1L << 24)) {
            throw new IllegalArgumentException("n out of range: " + n);
        }
        return pop.userId((long) pop.users + (1L << 22) + ((long) (patternOrdinal + 1) << 24) + n);
    }

    /** Randomness for this pattern and day, stable by seed. */
    public SplittableRandom rng(String purpose, int day) {
        return new SplittableRandom(Mix.key(options.seed(), 0x9A77L + patternOrdinal, purpose.hashCode(), day));
    }
}
