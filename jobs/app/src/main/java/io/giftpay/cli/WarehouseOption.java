package io.giftpay.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Mixin {@code --warehouse DIR}, required. */
final class WarehouseOption {
  @Option(
      names = "--warehouse",
      paramLabel = "DIR",
      required = true,
      description =
          "the warehouse: published tables under <warehouse>/<table>/dt=YYYY-MM-DD/, the job"
              + " repository and the log (<warehouse>/_giftpay/logs/giftpay.log)")
  Path dir;

  /** The absolute, normalised folder. */
  Path root() {
    return dir.toAbsolutePath().normalize();
  }

  /** Where the commands that use this warehouse log. */
  Path logFile() {
    return root().resolve("_giftpay/logs/giftpay.log");
  }
}
