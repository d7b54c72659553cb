package io.giftpay.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
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
      DataSource first = JobRepositoryDatabase.open(repository.config(), "unused");
      try (Connection connection = first.getConnection();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES (7, 0, 'nightly', 'k')");
      }
      // Spring Batch's scripts have no IF NOT EXISTS: opening again must not run them a second
      // time.
      JobRepositoryDatabase.open(repository.config(), "unused");
      assertEquals(
          List.of("nightly"), repository.column("SELECT JOB_NAME FROM BATCH_JOB_INSTANCE"));
      assertEquals(
          List.of("0"),
          repository.column("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION"),
          "the other tables exist too");
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
