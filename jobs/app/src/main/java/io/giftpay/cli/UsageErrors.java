package io.giftpay.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line is wrong: the message and a pointer to {@code --help} on stderr, exit 2.
 * Picocli's wording is kept except where a plainer one says more: an unknown command or option, and
 * an option value that does not convert ("Invalid --date: 'x' (expected YYYY-MM-DD)").
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    boolean top = command.getCommandSpec().parent() == null;
    err.println(name + ": " + message(e, args, top));
    err.println(
        top
            ? "Run 'giftpay --help' for the commands."
            : "Run '" + name + " --help' for its options.");
    err.flush();
    return Giftpay.USAGE;
  }

  private static String message(ParameterException e, String[] args, boolean top) {
    CommandLine command = e.getCommandLine();
    // Picocli checks required options before it reports an unknown one; the typo is the better
    // news.
    if (!(e instanceof UnmatchedArgumentException) && !command.getUnmatchedArguments().isEmpty()) {
      e = new UnmatchedArgumentException(command, command.getUnmatchedArguments());
    }
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String arg = unmatched.getUnmatched().get(0);
      String hint =
          unmatched.getSuggestions().isEmpty()
              ? ""
              : " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
      if (unmatched.isUnknownOption()) {
        return "Unknown option '" + arg + "'" + hint;
      }
      return top ? "unknown command '" + arg + "'" + hint : "Unexpected argument '" + arg + "'";
    }
    if (e.getCause() instanceof TypeConversionException why && e.getArgSpec() != null) {
      String what =
          e.getArgSpec() instanceof OptionSpec option
              ? option.longestName()
              : e.getArgSpec().paramLabel();
      return "Invalid " + what + ": '" + e.getValue() + "' (" + why.getMessage() + ")";
    }
    String message = String.valueOf(e.getMessage());
    message = message.startsWith("Error: ") ? message.substring("Error: ".length()) : message;
    if (message.startsWith("expected only one match but got")) {
      // An option of an argument group given twice; picocli's message dumps the group's matches.
      String twice = givenTwice(command, args);
      if (twice != null) {
        return "option '" + twice + "' should be specified only once";
      }
    }
    return message;
  }

  private static String givenTwice(CommandLine command, String[] args) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      OptionSpec option = command.getCommandSpec().findOption(eq > 0 ? arg.substring(0, eq) : arg);
      if (option != null && !seen.add(option.longestName())) {
        return option.longestName();
      }
    }
    return null;
  }
}
