package io.giftpay.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's options: {@code --name value} pairs and bare {@code --flag}s, checked against the
 * names the command accepts. Typed getters say which option was wrong and why.
 */
final class Options {
  private final String command;
  private final Map<String, String> values = new HashMap<>();

  private Options(String command) {
    this.command = command;
  }

  static Options parse(String command, List<String> args, Set<String> valued, Set<String> flags) {
    Options options = new Options(command);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (flags.contains(name) && value == null) {
        options.values.put(name, "true");
      } else if (valued.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new UsageException("Option " + name + " of '" + command + "' needs a value");
          }
          value = args.get(++i);
        }
        if (options.values.containsKey(name)) {
          throw new UsageException("Option " + name + " of '" + command + "' is given twice");
        }
        options.values.put(name, value);
      } else {
        throw new UsageException("Unknown option '" + arg + "' for '" + command + "'");
      }
    }
    return options;
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  String string(String name, String defaultValue) {
    return values.getOrDefault(name, defaultValue);
  }

  String required(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new UsageException("'" + command + "' needs " + name);
    }
    return value;
  }

  Path path(String name) {
    return Path.of(required(name));
  }

  LocalDate date(String name) {
    String value = required(name);
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new UsageException("Invalid " + name + ": '" + value + "' (expected YYYY-MM-DD)");
    }
  }

  int integer(String name, int min, int max) {
    String value = required(name);
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new UsageException("Invalid " + name + ": " + n + " (must be " + min + " to " + max + ")");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException("Invalid " + name + ": '" + value + "' (not a whole number)");
    }
  }

  /** A decimal scale such as 0.25, or {@code defaultValue} when the option is absent. */
  double scale(String name, double defaultValue, double max) {
    if (!has(name)) {
      return defaultValue;
    }
    String value = required(name);
    try {
      double x = Double.parseDouble(value);
      if (!(x >= 0 && x <= max)) {
        throw new UsageException("Invalid " + name + ": " + value + " (must be 0 to " + max + ")");
      }
      return x;
    } catch (NumberFormatException e) {
      throw new UsageException("Invalid " + name + ": '" + value + "' (not a number)");
    }
  }

  long longValue(String name) {
    String value = required(name);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new UsageException("Invalid " + name + ": '" + value + "' (not a whole number)");
    }
  }
}
