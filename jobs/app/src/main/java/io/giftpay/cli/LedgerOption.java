package io.giftpay.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Mixin {@code --ledger DIR}, required. */
final class LedgerOption {
  @Option(
      names = "--ledger",
      paramLabel = "DIR",
      required = true,
      description = "the ledger root: <ledger>/<table>/dt=YYYY-MM-DD/ with Parquet or CSV files")
  Path dir;
}
