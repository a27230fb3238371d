package dev.idic.batch.cli;

import dev.idic.stages.contract.ExitCode;
import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.publish.WarehouseCatalog;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code idic sql}: one query against the warehouse catalogue, opened read-only. It tells the views
 * where the warehouse is ({@value WarehouseCatalog#WAREHOUSE_VARIABLE}), so it works from any
 * folder, whatever DuckDB settings the user has.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one SQL query (DuckDB) against the warehouse catalogue <warehouse>/idic.duckdb and"
          + " prints the result.",
      "Views: <table> (every complete night), <table>_latest (the newest);"
          + " SELECT * FROM idic_catalogue lists them."
    })
final class SqlCommand implements Callable<Integer> {

  @Mixin ConfOption conf;

  @Option(names = "--csv", description = "Print CSV (header, RFC 4180 quoting) instead of a table.")
  boolean csv;

  @Parameters(paramLabel = "QUERY", description = "The SQL query, quoted as one argument.")
  String query;

  @ParentCommand IdicCli root;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    WarehouseCatalog catalog = WarehouseCatalogs.of(root.loadConfig(conf.file));
    if (!Files.isRegularFile(catalog.file())) {
      throw IdicErrors.environment(
          "warehouse catalogue " + catalog.file(),
          "does not exist yet: no night has been published to this warehouse",
          "run a night first (idic run, or idic demo); every publish writes the catalogue",
          null);
    }
    QueryResult result;
    try (Connection duck = open(catalog);
        Statement statement = duck.createStatement()) {
      if (!statement.execute(query)) {
        spec.commandLine().getOut().println("OK");
        return ExitCode.OK.code();
      }
      try (ResultSet rs = statement.getResultSet()) {
        result = QueryResult.read(rs);
      }
    } catch (SQLException e) {
      throw failed(e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(csv ? result.csv() : result.aligned());
    out.flush();
    return ExitCode.OK.code();
  }

  private static Connection open(WarehouseCatalog catalog) throws SQLException {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    Connection duck = DriverManager.getConnection("jdbc:duckdb:" + catalog.file(), readOnly);
    try (PreparedStatement variable =
        duck.prepareStatement("SET VARIABLE " + WarehouseCatalog.WAREHOUSE_VARIABLE + " = ?")) {
      variable.setString(1, catalog.warehouse().toString());
      variable.execute();
    } catch (SQLException e) {
      duck.close();
      throw e;
    }
    return duck;
  }

  /**
   * DuckDB's own first line says what is wrong with a query ("Parser Error: syntax error at or near
   * ..."); files it cannot read are the warehouse's problem, not the query's.
   */
  private RuntimeException failed(SQLException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
    String first = message.lines().findFirst().orElse(message);
    if (first.startsWith("IO Error")) {
      return IdicErrors.environment(
          "idic sql",
          "the query cannot read the warehouse: " + first,
          "check that the warehouse folder is readable; after moving it, update warehouse in the"
              + " configuration",
          e);
    }
    return IdicErrors.invalidConfiguration(
        "idic sql",
        "the query failed: " + first,
        "correct the SQL; idic sql \"SELECT * FROM idic_catalogue\" lists the views",
        e);
  }
}
