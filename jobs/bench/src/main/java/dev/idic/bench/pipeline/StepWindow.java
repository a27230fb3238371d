package dev.idic.bench.pipeline;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * When one step of the nightly job ran, as the job repository recorded it.
 *
 * @param step step name (ingest, features, ...)
 * @param startMillis start, epoch milliseconds
 * @param endMillis end, epoch milliseconds
 */
record StepWindow(String step, long startMillis, long endMillis) {

  double seconds() {
    return (endMillis - startMillis) / 1000.0;
  }

  /**
   * The steps of the only job execution in a fresh job repository, in the order they ran. Reads the
   * Spring Batch meta-data table {@code BATCH_STEP_EXECUTION} (the documented schema); times there
   * are local date-times of the JVM that ran the job, which is this machine's zone.
   */
  static List<StepWindow> read(String jdbcUrl) throws SQLException {
    List<StepWindow> windows = new ArrayList<>();
    ZoneId zone = ZoneId.systemDefault();
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "");
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT STEP_NAME, START_TIME, END_TIME FROM BATCH_STEP_EXECUTION"
                    + " WHERE STATUS = 'COMPLETED' ORDER BY STEP_EXECUTION_ID")) {
      while (rows.next()) {
        windows.add(
            new StepWindow(
                rows.getString(1),
                rows.getTimestamp(2).toLocalDateTime().atZone(zone).toInstant().toEpochMilli(),
                rows.getTimestamp(3).toLocalDateTime().atZone(zone).toInstant().toEpochMilli()));
      }
    }
    return windows;
  }
}
