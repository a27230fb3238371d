package dev.idic.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** How idic sql prints a result: an aligned table for people, CSV for programs. */
class QueryResultTest {

  private static QueryResult query(String sql) throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      return QueryResult.read(rs);
    }
  }

  private static final String ROWS =
      "SELECT * FROM (VALUES ('00042', 1.5, 0.0001, DATE '2026-11-22'),"
          + " ('a, \"b\"', NULL, 12345.25, NULL), ('two\nlines', -3.0, 1e-7, NULL))"
          + " AS t(customer_id, amount, share, as_of_date)";

  @Test
  void alignsColumnsWithNumbersOnTheRightAndNullSpelledOut() throws SQLException {
    assertThat(
            query(
                    "SELECT 'VIP' AS tier, 12 AS customers, NULL AS note UNION ALL"
                        + " SELECT 'Regular', 1234, 'x' ORDER BY customers")
                .aligned())
        .isEqualTo(
            """
            tier     customers  note
            -------  ---------  ----
            VIP             12  NULL
            Regular       1234  x
            (2 rows)
            """);
  }

  @Test
  void csvQuotesWhatNeedsItAndLeavesNullEmpty() throws SQLException {
    assertThat(query(ROWS).csv())
        .isEqualTo(
            """
            customer_id,amount,share,as_of_date
            00042,1.5,0.0001,2026-11-22
            "a, ""b\""",,12345.25,
            "two
            lines",-3.0,0.0000001,
            """);
  }
}
