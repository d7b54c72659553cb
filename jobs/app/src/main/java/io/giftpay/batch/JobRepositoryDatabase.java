package io.giftpay.batch;

import io.giftpay.config.GiftpayConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The Spring Batch job repository's database: an embedded H2 file inside the warehouse by default,
 * or any JDBC URL by configuration (PostgreSQL supported). Creates Spring Batch's tables on first
 * use; its scripts have no IF NOT EXISTS, so only when they are missing.
 *
 * <p>While open it holds one connection: an embedded H2 database is opened from its file when its
 * first connection opens and closed, with a compaction, when its last one closes, and Spring
 * Batch's transactions each take a connection of their own (about 90 a night). Held, the file is
 * opened once per command. On a server database the held connection only idles.
 */
public final class JobRepositoryDatabase implements AutoCloseable {
  private final DataSource dataSource;
  private final Connection held;

  private JobRepositoryDatabase(DataSource dataSource, Connection held) {
    this.dataSource = dataSource;
    this.held = held;
  }

  public static String defaultUrl(String warehouseJobRepositoryPath) {
    return "jdbc:h2:file:" + warehouseJobRepositoryPath + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  public static JobRepositoryDatabase open(GiftpayConfig config, String defaultUrl) {
    String url = config.get(GiftpayConfig.JOB_REPOSITORY_URL, defaultUrl);
    String platform = platform(url);
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(
            url,
            config.get(
                GiftpayConfig.JOB_REPOSITORY_USER, GiftpayConfig.JOB_REPOSITORY_USER_DEFAULT),
            config.get(
                GiftpayConfig.JOB_REPOSITORY_PASSWORD,
                GiftpayConfig.JOB_REPOSITORY_PASSWORD_DEFAULT));
    Connection held;
    try {
      held = dataSource.getConnection();
    } catch (SQLException e) {
      throw cannotOpen(url, e);
    }
    try {
      createSchemaIfMissing(held, platform);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(held, e);
      throw e instanceof SQLException sql ? cannotOpen(url, sql) : (RuntimeException) e;
    }
    return new JobRepositoryDatabase(dataSource, held);
  }

  /** Connections to the database, for Spring Batch; valid until {@link #close()}. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Lets the database go: an embedded H2 file is closed once its other connections are. */
  @Override
  public void close() {
    try {
      held.close();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot close the job repository: " + e.getMessage(), e);
    }
  }

  static String platform(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:h2:")) {
      return "h2";
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      return "postgresql";
    }
    throw new IllegalArgumentException(
        "Invalid "
            + GiftpayConfig.JOB_REPOSITORY_URL
            + ": "
            + url
            + " (supported: jdbc:h2:..., jdbc:postgresql:...)");
  }

  private static IllegalStateException cannotOpen(String url, SQLException e) {
    return new IllegalStateException(
        "Cannot open the job repository at " + url + ": " + e.getMessage(), e);
  }

  private static void closeQuietly(Connection connection, Exception cause) {
    try {
      connection.close();
    } catch (SQLException suppressed) {
      cause.addSuppressed(suppressed);
    }
  }

  private static void createSchemaIfMissing(Connection connection, String platform)
      throws SQLException {
    if (hasTable(connection, "BATCH_JOB_INSTANCE") || hasTable(connection, "batch_job_instance")) {
      return;
    }
    new ResourceDatabasePopulator(
            new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql"))
        .populate(connection);
  }

  private static boolean hasTable(Connection connection, String name) throws SQLException {
    try (ResultSet tables =
        connection.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
      return tables.next();
    }
  }
}
