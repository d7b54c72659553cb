package io.giftpay.cli;

import io.giftpay.sample.LedgerFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option value converters for every command. Each says only why a value is refused; {@link
 * UsageErrors} names the option: "Invalid --date: '2026-13-01' (expected YYYY-MM-DD)".
 */
final class Converters {
  private Converters() {}

  static void register(CommandLine cli) {
    cli.registerConverter(LocalDate.class, Converters::date);
    ITypeConverter<Integer> integer = Converters::integer;
    cli.registerConverter(Integer.class, integer).registerConverter(Integer.TYPE, integer);
    ITypeConverter<Long> longValue = Converters::longValue;
    cli.registerConverter(Long.class, longValue).registerConverter(Long.TYPE, longValue);
    ITypeConverter<Double> number = Converters::number;
    cli.registerConverter(Double.class, number).registerConverter(Double.TYPE, number);
    cli.registerConverter(LedgerFormat.class, Converters::format);
  }

  static LocalDate date(String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("expected YYYY-MM-DD");
    }
  }

  static int integer(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("not a whole number");
    }
  }

  static long longValue(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("not a whole number");
    }
  }

  static double number(String value) {
    try {
      double x = Double.parseDouble(value);
      if (!Double.isFinite(x)) {
        throw new TypeConversionException("not a finite number");
      }
      return x;
    } catch (NumberFormatException e) {
      throw new TypeConversionException("not a number");
    }
  }

  static LedgerFormat format(String value) {
    try {
      return LedgerFormat.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("parquet, csv or mixed");
    }
  }
}
