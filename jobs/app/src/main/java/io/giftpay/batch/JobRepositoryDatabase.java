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
 */
public final class JobRepositoryDatabase {
  private JobRepositoryDatabase() {}

  public static String defaultUrl(String warehouseJobRepositoryPath) {
    return "jdbc:h2:file:" + warehouseJobRepositoryPath + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  public static DataSource open(GiftpayConfig config, String defaultUrl) {
    String url = config.get(GiftpayConfig.JOB_REPOSITORY_URL, defaultUrl);
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(
            url,
            config.get(
                GiftpayConfig.JOB_REPOSITORY_USER, GiftpayConfig.JOB_REPOSITORY_USER_DEFAULT),
            config.get(
                GiftpayConfig.JOB_REPOSITORY_PASSWORD,
                GiftpayConfig.JOB_REPOSITORY_PASSWORD_DEFAULT));
    createSchemaIfMissing(dataSource, url);
    return dataSource;
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

  private static void createSchemaIfMissing(DataSource dataSource, String url) {
    String platform = platform(url);
    try (Connection connection = dataSource.getConnection()) {
      if (hasTable(connection, "BATCH_JOB_INSTANCE")
          || hasTable(connection, "batch_job_instance")) {
        return;
      }
      new ResourceDatabasePopulator(
              new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql"))
          .populate(connection);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot open the job repository at " + url + ": " + e.getMessage(), e);
    }
  }

  private static boolean hasTable(Connection connection, String name) throws SQLException {
    try (ResultSet tables =
        connection.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
      return tables.next();
    }
  }
}
