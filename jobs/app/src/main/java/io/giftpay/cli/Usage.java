package io.giftpay.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks of option values that a type alone cannot make; a failed one is a usage error (exit 2).
 */
final class Usage {
  private Usage() {}

  static ParameterException error(CommandSpec spec, String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  static int range(CommandSpec spec, String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw error(
          spec, "Invalid " + option + ": " + value + " (must be " + min + " to " + max + ")");
    }
    return value;
  }

  static int atLeast(CommandSpec spec, String option, int value, int min) {
    if (value < min) {
      throw error(spec, "Invalid " + option + ": " + value + " (must be at least " + min + ")");
    }
    return value;
  }

  static double range(CommandSpec spec, String option, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw error(
          spec,
          "Invalid "
              + option
              + ": "
              + plain(value)
              + " (must be "
              + plain(min)
              + " to "
              + plain(max)
              + ")");
    }
    return value;
  }

  private static String plain(double x) {
    return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }
}
