package dev.idic.batch.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The content of every table of one published night, reduced to a row count and a digest that does
 * not depend on row order or file layout, so a change to how the night is computed can be checked
 * to leave what it publishes as it was.
 *
 * <p>Doubles enter with 9 significant digits: a different summation order (other partitions, a
 * reordered join) moves the last bits of a sum, and that is not a change of the result. Columns
 * that differ from run to run by nature (wall-clock seconds, the input's absolute path) are left
 * out. With {@code -Didic.fingerprints.dump=DIR} the rows digested are written to {@code
 * DIR/<table>.txt}, so two runs whose digests differ can be compared line by line.
 */
public final class TableFingerprints {

  private static final Set<String> VOLATILE_COLUMNS = Set.of("fit_seconds", "source_file");

  private TableFingerprints() {}

  /** Table name to "rows digest" for every table with a partition of the night. */
  public static Map<String, String> of(Path warehouse, String asOf) throws IOException {
    Map<String, String> fingerprints = new TreeMap<>();
    try (Stream<Path> tables = Files.list(warehouse);
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement()) {
      for (Path table : tables.sorted().toList()) {
        Path partition = table.resolve("as_of_date=" + asOf);
        String name = table.getFileName().toString();
        // The CSV twins of the lists hold the same rows as their Parquet tables.
        if (!name.startsWith("_")
            && !name.endsWith("_csv")
            && Files.exists(partition.resolve("_SUCCESS"))) {
          fingerprints.put(name, fingerprint(sql, partition));
        }
      }
    } catch (SQLException e) {
      throw new IOException("cannot read the night " + asOf + " in " + warehouse, e);
    }
    return fingerprints;
  }

  private static String fingerprint(Statement sql, Path partition)
      throws SQLException, IOException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs =
        sql.executeQuery("SELECT * FROM read_parquet('" + partition + "/*.parquet')")) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          if (VOLATILE_COLUMNS.contains(meta.getColumnName(i))) {
            continue;
          }
          Object value = rs.getObject(i);
          row.append(meta.getColumnName(i)).append('=');
          row.append(value instanceof Double d ? String.format("%.9g", d) : String.valueOf(value));
          row.append('\u001f');
        }
        rows.add(row.toString());
      }
    }
    rows.sort(null);
    String dump = System.getProperty("idic.fingerprints.dump");
    if (dump != null) {
      // The rows the digest is taken of, to diff two nights when their digests differ.
      Path folder = Files.createDirectories(Path.of(dump));
      Files.write(folder.resolve(partition.getParent().getFileName() + ".txt"), rows);
    }
    return rows.size() + " " + digest(rows);
  }

  private static String digest(List<String> rows) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String row : rows) {
        sha.update(row.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
