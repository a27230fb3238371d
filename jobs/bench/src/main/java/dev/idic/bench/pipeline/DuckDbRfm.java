package dev.idic.bench.pipeline;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The baseline a user would pick on one machine: DuckDB computing the RFM part alone from the same
 * Parquet transactions, in one SQL statement that writes Parquet. Same definitions as the features
 * stage where they matter for the work done: transactions up to the end of the as-of day, local
 * purchase days (a day with at least one non-negative line), recency in days since the last
 * purchase day, frequency = purchase days − 1, monetary = net spend, quintile scores 1..5 (5 best)
 * from exact ranks with the same tie-breaks, and a top-20% flag by net spend.
 */
final class DuckDbRfm {

  private DuckDbRfm() {}

  /**
   * Runs the query in a fresh in-memory DuckDB (all cores, default memory limit) and returns its
   * wall time in seconds; the result is written to {@code output}.
   */
  static double run(String transactionsDir, Path output, LocalDate asOfDate, ZoneId zone)
      throws SQLException {
    String sql = sql(transactionsDir, output, asOfDate, zone);
    long start = System.nanoTime();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      // Parquet timestamps are instants; read them in UTC whatever this machine's zone is.
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute(sql);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  static String sql(String transactionsDir, Path output, LocalDate asOfDate, ZoneId zone) {
    String endOfDay = asOfDate.plusDays(1).atStartOfDay(zone).toInstant().toString();
    return """
        COPY (
          WITH tx AS (
            SELECT customer_id, amount,
                   CAST(timezone('%3$s', CAST(ts AS TIMESTAMP) AT TIME ZONE 'UTC') AS DATE) AS day
            FROM read_parquet('%1$s/*.parquet')
            WHERE CAST(ts AS TIMESTAMP) < CAST('%4$s' AS TIMESTAMP)
          ),
          days AS (
            SELECT customer_id, day, sum(amount) AS value, bool_or(amount >= 0) AS purchase_day
            FROM tx GROUP BY customer_id, day
          ),
          customers AS (
            SELECT customer_id,
                   DATE '%2$s' - max(day) FILTER (WHERE purchase_day) AS days_since_last,
                   count(*) FILTER (WHERE purchase_day) AS purchase_days,
                   CAST(sum(value) AS DOUBLE) AS monetary
            FROM days GROUP BY customer_id
            HAVING count(*) FILTER (WHERE purchase_day) > 0
          ),
          ranked AS (
            SELECT *,
              row_number() OVER (ORDER BY days_since_last, purchase_days DESC, monetary DESC,
                                 customer_id) AS r_rank,
              row_number() OVER (ORDER BY purchase_days DESC, days_since_last, monetary DESC,
                                 customer_id) AS f_rank,
              row_number() OVER (ORDER BY monetary DESC, purchase_days DESC, days_since_last,
                                 customer_id) AS m_rank,
              count(*) OVER () AS n
            FROM customers
          )
          SELECT customer_id, days_since_last AS recency_days, purchase_days - 1 AS frequency,
                 monetary,
                 CAST(5 - floor(5 * (r_rank - 1) / n) AS INTEGER) AS r_score,
                 CAST(5 - floor(5 * (f_rank - 1) / n) AS INTEGER) AS f_score,
                 CAST(5 - floor(5 * (m_rank - 1) / n) AS INTEGER) AS m_score,
                 m_rank <= ceil(0.2 * n) AS top_20_percent
          FROM ranked
        ) TO '%5$s' (FORMAT parquet)
        """
        .formatted(transactionsDir, asOfDate, zone.getId(), endOfDay.replace("Z", ""), output);
  }
}
