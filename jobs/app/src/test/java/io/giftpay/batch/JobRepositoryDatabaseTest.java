package io.giftpay.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.config.GiftpayConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The job repository's database on H2 and on PostgreSQL: Spring Batch's tables made once, then
 * kept.
 */
class JobRepositoryDatabaseTest {
  @ParameterizedTest(name = "{0}")
  @EnumSource(TestJobRepository.Kind.class)
  void theTablesAreCreatedOnFirstUseAndKeptWithTheirRowsAfterwards(
      TestJobRepository.Kind kind, @TempDir Path dir) throws Exception {
    try (TestJobRepository repository = TestJobRepository.create(kind, dir)) {
      try (JobRepositoryDatabase first = JobRepositoryDatabase.open(repository.config(), "unused");
          Connection connection = first.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES (7, 0, 'nightly', 'k')");
      }
      // Spring Batch's scripts have no IF NOT EXISTS: opening again must not run them a second
      // time.
      JobRepositoryDatabase.open(repository.config(), "unused").close();
      assertEquals(
          List.of("nightly"), repository.column("SELECT JOB_NAME FROM BATCH_JOB_INSTANCE"));
      assertEquals(
          List.of("0"),
          repository.column("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION"),
          "the other tables exist too");
    }
  }

  /**
   * A global temporary table lives as long as the H2 database is open, so it shows whether the file
   * was closed and opened again between two of Spring Batch's connections.
   */
  @Test
  void anEmbeddedDatabaseStaysOpenBetweenConnectionsUntilClosed(@TempDir Path dir)
      throws Exception {
    try (TestJobRepository repository = TestJobRepository.create(TestJobRepository.Kind.H2, dir)) {
      try (JobRepositoryDatabase database =
          JobRepositoryDatabase.open(repository.config(), "unused")) {
        execute(database.dataSource(), "CREATE GLOBAL TEMPORARY TABLE OPEN_MARK (X INT)");
        assertEquals(1, count(database.dataSource(), "OPEN_MARK"), "open between two connections");
      }
      try (JobRepositoryDatabase again =
          JobRepositoryDatabase.open(repository.config(), "unused")) {
        assertEquals(0, count(again.dataSource(), "OPEN_MARK"), "closed, then opened again");
      }
    }
  }

  @Test
  void aDatabaseThatCannotBeOpenedIsNamedWithItsUrl(@TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("no-such-database") + ";IFEXISTS=TRUE";
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                JobRepositoryDatabase.open(
                    GiftpayConfig.defaults().with(GiftpayConfig.JOB_REPOSITORY_URL, url),
                    "unused"));
    assertTrue(
        e.getMessage().startsWith("Cannot open the job repository at " + url + ": "),
        e.getMessage());
  }

  private static void execute(DataSource dataSource, String sql) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static int count(DataSource dataSource, String table) throws Exception {
    try (Connection connection = dataSource.getConnection();
        ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
      int n = 0;
      while (tables.next()) {
        n++;
      }
      return n;
    }
  }

  @Test
  void anUnsupportedDatabaseIsRefusedNamingTheSetting() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> JobRepositoryDatabase.platform("jdbc:mysql://db/giftpay"));
    assertTrue(
        e.getMessage().startsWith("Invalid giftpay.job-repository.url: jdbc:mysql://db/giftpay"),
        e.getMessage());
  }

  @Test
  void aPostgresqlTestDatabaseKeepsTheServerAndItsParameters() {
    assertEquals(
        "jdbc:postgresql://127.0.0.1:5433/giftpay_t?user=u&password=p",
        TestJobRepository.withDatabase(
            "jdbc:postgresql://127.0.0.1:5433/postgres?user=u&password=p", "giftpay_t"));
    assertEquals(
        "jdbc:postgresql://db/giftpay_t",
        TestJobRepository.withDatabase("jdbc:postgresql://db", "giftpay_t"));
  }
}
