package io.giftpay.batch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.giftpay.config.GiftpayConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * A fresh, empty job-repository database for one test: an H2 file in the test's folder, or a new
 * database on the PostgreSQL server that {@value #POSTGRES_URL} names (bin/test starts one and sets
 * it). Without that variable a PostgreSQL case is skipped, with the reason, never passed.
 */
public final class TestJobRepository implements AutoCloseable {
  /**
   * JDBC URL of a PostgreSQL server whose user may create databases, e.g. {@code
   * jdbc:postgresql://127.0.0.1:5433/postgres?user=u&password=p}.
   */
  public static final String POSTGRES_URL = "GIFTPAY_TEST_POSTGRES_URL";

  /** The databases the job-repository tests run on. */
  public enum Kind {
    H2,
    POSTGRESQL
  }

  private final String url;
  private final String user;
  private final String password;
  private final Runnable drop;

  private TestJobRepository(String url, String user, String password, Runnable drop) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.drop = drop;
  }

  public static TestJobRepository create(Kind kind, Path dir) {
    if (kind == Kind.H2) {
      String url =
          JobRepositoryDatabase.defaultUrl(
              dir.resolve("job-repository").toAbsolutePath().toString());
      return new TestJobRepository(
          url,
          GiftpayConfig.JOB_REPOSITORY_USER_DEFAULT,
          GiftpayConfig.JOB_REPOSITORY_PASSWORD_DEFAULT,
          () -> {});
    }
    String server = System.getenv(POSTGRES_URL);
    assumeTrue(
        server != null && !server.isBlank(),
        POSTGRES_URL
            + " is not set: no PostgreSQL server to test against (bin/test starts one; or point it at a server"
            + " whose user may create databases)");
    Map<String, String> parameters = parameters(server);
    String user = parameters.getOrDefault("user", "");
    String password = parameters.getOrDefault("password", "");
    String database = "giftpay_test_" + UUID.randomUUID().toString().replace("-", "");
    execute(server, user, password, "CREATE DATABASE " + database);
    return new TestJobRepository(
        withDatabase(server, database),
        user,
        password,
        () ->
            execute(
                server, user, password, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"));
  }

  public String url() {
    return url;
  }

  /**
   * The settings that point Giftpay at this database, as {@code -Dkey=value} JVM options or config
   * lines.
   */
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(GiftpayConfig.JOB_REPOSITORY_URL, url);
    settings.put(GiftpayConfig.JOB_REPOSITORY_USER, user);
    settings.put(GiftpayConfig.JOB_REPOSITORY_PASSWORD, password);
    return settings;
  }

  public GiftpayConfig config() {
    GiftpayConfig config = GiftpayConfig.defaults();
    for (Map.Entry<String, String> setting : settings().entrySet()) {
      config = config.with(setting.getKey(), setting.getValue());
    }
    return config;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, credentials(user, password));
  }

  /** The first column of every row of a query, as text. */
  public List<String> column(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  @Override
  public void close() {
    drop.run();
  }

  private static void execute(String url, String user, String password, String sql) {
    try (Connection connection = DriverManager.getConnection(url, credentials(user, password));
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot run '" + sql + "' on " + POSTGRES_URL + ": " + e.getMessage(), e);
    }
  }

  private static Properties credentials(String user, String password) {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    return properties;
  }

  /** {@code jdbc:postgresql://host:port/db?a=b} with another database. */
  static String withDatabase(String url, String database) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    int slash = base.indexOf('/', "jdbc:postgresql://".length());
    String server = slash < 0 ? base : base.substring(0, slash);
    return server + "/" + database + (query < 0 ? "" : url.substring(query));
  }

  private static Map<String, String> parameters(String url) {
    Map<String, String> parameters = new LinkedHashMap<>();
    int query = url.indexOf('?');
    if (query >= 0) {
      for (String pair : url.substring(query + 1).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          parameters.put(
              pair.substring(0, eq),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return parameters;
  }
}
