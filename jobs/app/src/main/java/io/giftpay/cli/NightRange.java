package io.giftpay.cli;

import java.time.LocalDate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Argument group {@code --from D1 --to D2}: business dates D1..D2 inclusive, in order. */
final class NightRange {
  @Option(
      names = "--from",
      paramLabel = "D1",
      required = true,
      description = "the first night, YYYY-MM-DD")
  LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "D2",
      required = true,
      description = "the last night (inclusive), YYYY-MM-DD")
  LocalDate to;

  /** Refuses a range that ends before it starts. */
  NightRange inOrder(CommandSpec spec) {
    if (to.isBefore(from)) {
      throw Usage.error(spec, "Invalid --to: " + to + " (before --from " + from + ")");
    }
    return this;
  }

  /** Refuses a range of more than {@code maxNights} nights after the first. */
  NightRange atMost(CommandSpec spec, int maxNights) {
    if (from.plusDays(maxNights).isBefore(to)) {
      throw Usage.error(spec, "Invalid --to: " + to + " (more than " + maxNights + " nights)");
    }
    return this;
  }
}
