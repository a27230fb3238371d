package dev.idic.batch.job;

import dev.idic.batch.config.JobRepositoryConfig;
import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.IdicException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The database behind the Spring Batch job repository: an embedded H2 file by default, PostgreSQL
 * in production. On first use the Spring Batch tables are created from the DDL shipped in the
 * spring-batch-core jar.
 *
 * <p>One connection stays open while the database is open. An embedded H2 database closes when its
 * last connection closes, and reopening a file database (with the file lock that {@code
 * AUTO_SERVER} needs) costs about a second, which the job repository would otherwise pay for every
 * transaction.
 */
public record JobRepositoryDatabase(DataSource dataSource, Connection keepOpen, String platform)
    implements AutoCloseable {

  /**
   * Connects, creating the schema when absent.
   *
   * @throws dev.idic.stages.contract.IdicException (exit code 5) when the database cannot be
   *     reached or prepared
   */
  public static JobRepositoryDatabase open(
      JobRepositoryConfig config, Map<String, String> environment) {
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(
            config.url(), config.username(), config.password(environment).orElse(""));
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      DatabaseMetaData metaData = connection.getMetaData();
      String platform = platform(metaData, config);
      if (!schemaExists(metaData)) {
        ScriptUtils.executeSqlScript(
            connection,
            new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql"));
      }
      return new JobRepositoryDatabase(dataSource, connection, platform);
    } catch (SQLException | RuntimeException e) {
      Quietly.close(connection);
      if (e instanceof IdicException unsupported) {
        throw unsupported;
      }
      throw IdicErrors.environment(
          "job repository at " + config.redactedUrl(),
          "Cannot open the job repository: " + rootMessage(e),
          "check job_repository.url (or IDIC_JOB_REPOSITORY_URL), that the database is running"
              + " and reachable, and the credentials; nothing was run",
          e);
    }
  }

  /**
   * Closes the database. An embedded H2 database is shut down explicitly: its last commits reach
   * the file only when the store is closed, and a process that exits with connections still open
   * (Spring Batch and Spark hold some until the JVM ends) lost them, so a completed run read back
   * as STARTED in the next process.
   */
  @Override
  public void close() {
    if ("h2".equals(platform)) {
      try (Statement statement = keepOpen.createStatement()) {
        statement.execute("SHUTDOWN");
      } catch (SQLException e) {
        // Already closed by another path; nothing left to flush.
      }
    }
    Quietly.close(keepOpen);
  }

  private static boolean schemaExists(DatabaseMetaData metaData) throws SQLException {
    for (String table : new String[] {"BATCH_JOB_INSTANCE", "batch_job_instance"}) {
      try (ResultSet tables = metaData.getTables(null, null, table, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static String platform(DatabaseMetaData metaData, JobRepositoryConfig config)
      throws SQLException {
    String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("h2")) {
      return "h2";
    }
    if (product.contains("postgres")) {
      return "postgresql";
    }
    throw IdicErrors.invalidConfiguration(
        "job_repository.url " + config.redactedUrl(),
        "is a " + metaData.getDatabaseProductName() + " database, which idic cannot use",
        "point job_repository.url at PostgreSQL, or remove it for the embedded H2 default");
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
