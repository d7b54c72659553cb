import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Bench only (bin/bench): DuckDB's payout core over one night's gift files, the yardstick the
 * Spark night is compared with. Dedupe by event_id, validate against the gift catalogue (known
 * gift, quantity 1..10,000, coins = quantity x the catalogue's coins, sender and creator set),
 * sum diamonds per creator and decide payouts (minimum and daily cap) under the policy's
 * numbers. No history, detection, holds or clearing: the least a night must do.
 *
 * <p>Usage: java -cp duckdb_jdbc.jar bin/DuckdbPayoutCore.java GIFTS_DIR CATALOGUE_CSV
 * DIAMOND_VALUE_USD MINIMUM_USD CAP_USD
 */
public class DuckdbPayoutCore {
  public static void main(String[] args) throws Exception {
    String gifts = args[0];
    String catalogue = args[1];
    String value = args[2];
    String minimum = args[3];
    String cap = args[4];
    long started = System.nanoTime();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      sql.execute("SET threads TO " + Runtime.getRuntime().availableProcessors());
      sql.execute("CREATE TEMP TABLE catalogue AS SELECT * FROM read_csv_auto('" + catalogue + "', header = true)");
      String files = "read_parquet('" + gifts + "/*.parquet', union_by_name = true)";
      String query =
          "WITH raw AS (SELECT * FROM " + files + "),"
              + " firsts AS (SELECT * FROM raw QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY event_time) = 1),"
              + " valid AS (SELECT f.* FROM firsts f JOIN catalogue c ON f.gift_id = c.gift_id"
              + "   WHERE f.quantity BETWEEN 1 AND 10000 AND f.coins = f.quantity * c.coins"
              + "   AND f.sender_id IS NOT NULL AND f.creator_id IS NOT NULL),"
              + " credited AS (SELECT creator_id, sum(coins) AS diamonds FROM valid GROUP BY creator_id),"
              + " payouts AS (SELECT creator_id, least(CAST(diamonds AS DECIMAL(38, 6)) * " + value + ", " + cap + ") AS usd"
              + "   FROM credited WHERE CAST(diamonds AS DECIMAL(38, 6)) * " + value + " >= " + minimum + ")"
              + " SELECT (SELECT count(*) FROM raw), (SELECT count(*) FROM valid), (SELECT count(*) FROM credited),"
              + " (SELECT count(*) FROM payouts), (SELECT coalesce(sum(usd), 0) FROM payouts)";
      try (ResultSet row = sql.executeQuery(query)) {
        row.next();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("duckdb payout core: %d gift rows read, %d valid, %d creators credited, %d payouts, USD %s in %.2fs%n",
            row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getBigDecimal(5).toPlainString(), seconds);
      }
    }
  }
}
