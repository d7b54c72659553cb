package io.giftpay.cli;

import io.giftpay.config.GiftpayConfig;
import io.giftpay.spark.SparkSessions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code giftpay sql}: Spark SQL over the published tables of a warehouse, for analysts. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a Spark SQL query over a warehouse's published tables and prints the result.",
        "Every table of docs/tables.md is a view named like the table, over all its nights",
        "(column dt is the night); a table with no night yet is an empty view.",
        "Example: giftpay sql --warehouse W \"SELECT currency, count(*), sum(amount_usd) FROM payouts GROUP BY currency\""
    })
final class SqlCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "the warehouse the nights were published into")
  Path warehouse;

  @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "the SQL query (quote it)")
  String query;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "${COMPLETION-CANDIDATES}: table is aligned with a row count, csv is RFC 4180 with a header, json is one object per line; default ${DEFAULT-VALUE}")
  QueryOutput.Format format;

  @Option(names = "--tables", description = "list the tables, their columns and the nights this warehouse has, then stop")
  boolean tables;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*])")
  String master;

  @Option(names = "--config", paramLabel = "FILE", description = "a properties file of giftpay.* and spark.* settings")
  Path config;

  /** Where results go; the CLI's standard output unless a caller sets another. */
  PrintStream out = System.out;

  @Override
  public Integer call() {
    if (tables) {
      if (query != null) {
        throw new ParameterException(spec.commandLine(), "give either a query or --tables, not both");
      }
      SqlQuery.listTables(warehouse, out);
      return 0;
    }
    if (query == null || query.isBlank()) {
      throw new ParameterException(spec.commandLine(), "'sql' needs a query (or --tables)");
    }
    Path root = SqlQuery.requireWarehouse(warehouse);
    Logs.useFile(root.resolve("_giftpay/logs/giftpay.log"));
    GiftpayConfig settings = GiftpayConfig.load(config);
    if (master != null) {
      settings = settings.with(GiftpayConfig.SPARK_MASTER, master);
    }
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
