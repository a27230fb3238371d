package dev.idic.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.batch.testing.IdicProcess;
import dev.idic.batch.testing.InProcessIdic;
import dev.idic.batch.testing.SampleRun;
import dev.idic.stages.contract.ExitCode;
import dev.idic.stages.publish.WarehouseCatalog;
import dev.idic.stages.testing.LocalSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given two nights a week apart published by the real job, the warehouse catalogue answers SQL: in
 * {@code idic sql} (table and CSV), from another working folder, and with a bare JDBC connection
 * that sets nothing, as the DuckDB CLI or a BI tool opens it.
 */
class SqlCommandIT {

  static final LocalDate EARLIER = SampleRun.AS_OF.minusDays(7);

  @TempDir static Path dir;

  static SampleRun sample;
  static InProcessIdic idic;

  @BeforeAll
  static void twoNights() {
    sample = SampleRun.in(dir.resolve("run"));
    idic = InProcessIdic.production(sample.folder());
    for (LocalDate night : List.of(EARLIER, SampleRun.AS_OF)) {
      InProcessIdic.Outcome run =
          idic.execute("run", "--conf=" + sample.config(), "--as-of=" + night);
      assertThat(run.code()).as("run for %s: %s", night, run.output()).isZero();
    }
  }

  private static long publishedRows(String table, LocalDate night) {
    return LocalSpark.session()
        .read()
        .parquet(sample.warehouse().resolve(table).resolve("as_of_date=" + night).toString())
        .count();
  }

  @Test
  void printsAnAlignedTable() {
    InProcessIdic.Outcome sql =
        idic.execute(
            "sql",
            "--conf=" + sample.config(),
            "SELECT as_of_date, count(*) AS customers FROM customer_profile GROUP BY 1 ORDER BY 1");

    assertThat(sql.code()).as(sql.output()).isZero();
    assertThat(sql.out().lines().toList())
        .as("header, rule, one row per night, the row count")
        .containsExactly(
            "as_of_date  customers",
            "----------  ---------",
            String.format("%s  %9d", EARLIER, publishedRows("customer_profile", EARLIER)),
            String.format(
                "%s  %9d", SampleRun.AS_OF, publishedRows("customer_profile", SampleRun.AS_OF)),
            "(2 rows)");
  }

  @Test
  void printsCsv() {
    InProcessIdic.Outcome sql =
        idic.execute(
            "sql",
            "--conf=" + sample.config(),
            "--csv",
            "SELECT tier, customers, 'a, \"quoted\" text' AS note FROM tier_summary_latest"
                + " ORDER BY tier");

    assertThat(sql.code()).as(sql.output()).isZero();
    List<String> lines = sql.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("tier,customers,note");
    assertThat(lines.subList(1, lines.size()))
        .as("one line per tier row of the latest night, the text quoted as RFC 4180 says")
        .hasSize((int) publishedRows("tier_summary", SampleRun.AS_OF))
        .allMatch(line -> line.endsWith(",\"a, \"\"quoted\"\" text\""));
  }

  @Test
  void latestViewsReadTheNewestNightAsADate() {
    InProcessIdic.Outcome sql =
        idic.execute(
            "sql",
            "--conf=" + sample.config(),
            "--csv",
            "SELECT DISTINCT as_of_date, typeof(as_of_date) FROM customer_profile_latest");

    assertThat(sql.out()).as(sql.output()).endsWith(SampleRun.AS_OF + ",DATE\n");
  }

  @Test
  void badSqlExitsTwoWithOneMessage() {
    InProcessIdic.Outcome sql =
        idic.execute("sql", "--conf=" + sample.config(), "SELEKT * FROM customer_profile");

    assertThat(sql.code()).as(sql.output()).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
    assertThat(sql.err().lines().toList())
        .as("the message and the --verbose hint, no stack trace")
        .containsExactly(
            "idic sql: the query failed: Parser Error: syntax error at or near \"SELEKT\". Fix:"
                + " correct the SQL; idic sql \"SELECT * FROM idic_catalogue\" lists the views.",
            "(run with --verbose for the stack trace)");
  }

  @Test
  void aWarehouseWithoutANightSaysToRunOne() throws Exception {
    Path empty = dir.resolve("empty");
    Files.createDirectories(empty);
    Files.writeString(
        empty.resolve("idic.yaml"),
        "warehouse: warehouse\ninputs:\n  transactions: {path: " + sample.transactions() + "}\n");

    InProcessIdic.Outcome sql =
        InProcessIdic.production(empty)
            .execute("sql", "--conf=" + empty.resolve("idic.yaml"), "SELECT 1");

    assertThat(sql.code()).as(sql.output()).isEqualTo(ExitCode.ENVIRONMENT.code());
    assertThat(sql.err())
        .contains("does not exist yet")
        .contains("run a night first (idic run, or idic demo)");
  }

  @Test
  void worksFromAnotherWorkingFolder() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

    IdicProcess.Result sql =
        new IdicProcess(elsewhere)
            .run(
                "sql",
                "--conf=" + sample.config(),
                "SELECT count(*) AS n FROM customer_profile_latest");

    assertThat(sql.code()).as(sql.output()).isZero();
    assertThat(sql.out())
        .contains(String.valueOf(publishedRows("customer_profile", SampleRun.AS_OF)));
  }

  @Test
  void opensWithABareConnectionAsBiToolsDo() throws Exception {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    Path file = sample.warehouse().resolve(WarehouseCatalog.FILE_NAME);
    // The test JVM's working folder is the module, not the warehouse.
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly);
        Statement statement = duck.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT (SELECT count(*) FROM customer_profile_latest),"
                    + " (SELECT count(DISTINCT as_of_date) FROM customer_profile),"
                    + " (SELECT sum(share_of_value) FROM tier_summary_latest)")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(publishedRows("customer_profile", SampleRun.AS_OF));
      assertThat(rs.getLong(2)).as("nights in the all-nights view").isEqualTo(2);
      assertThat(rs.getDouble(3))
          .as("the latest night's tier shares add up to one, not two")
          .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
  }
}
