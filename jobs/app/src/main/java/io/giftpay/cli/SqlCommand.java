package io.giftpay.cli;

import io.giftpay.config.GiftpayConfig;
import io.giftpay.spark.SparkSessions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code giftpay sql}: Spark SQL over the published tables of a warehouse, for analysts. */
@Command(
    name = "sql",
    header = "run a Spark SQL query over the published tables (analysts)",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a Spark SQL query over a warehouse's published tables and prints the result.",
      "Every table of docs/tables.md is a view named like the table, over all its nights",
      "(column dt is the night); a table with no night yet is an empty view.",
      "Example: giftpay sql --warehouse W \"SELECT currency, count(*), sum(amount_usd) FROM payouts GROUP BY currency\""
    })
final class SqlCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin WarehouseOption warehouseOption;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "QUERY",
      description = "the SQL query (quote it)")
  String query;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description =
          "${COMPLETION-CANDIDATES}: table is aligned with a row count, csv is RFC 4180 with a header, json is one object per line; default ${DEFAULT-VALUE}")
  QueryOutput.Format format;

  @Option(
      names = "--tables",
      description = "list the tables, their columns and the nights this warehouse has, then stop")
  boolean tables;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() {
    PrintStream out = Giftpay.out(spec);
    Path warehouse = warehouseOption.dir;
    if (tables) {
      if (query != null) {
        throw new ParameterException(
            spec.commandLine(), "give either a query or --tables, not both");
      }
      SqlQuery.listTables(warehouse, out);
      return 0;
    }
    if (query == null || query.isBlank()) {
      throw new ParameterException(spec.commandLine(), "'sql' needs a query (or --tables)");
    }
    Path root = SqlQuery.requireWarehouse(warehouse);
    Logs.useFile(root.resolve("_giftpay/logs/giftpay.log"));
    GiftpayConfig settings = sparkOptions.config();
    // A caller that already has a session (a test, a notebook) keeps it; one we start, we stop.
    boolean ownSession = SparkSession.getActiveSession().isEmpty();
    SparkSession spark = SparkSessions.create(settings);
    try {
      new SqlQuery(spark, root).print(query, format, out);
      return 0;
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }
}
