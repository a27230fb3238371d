package dev.idic.stages.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A table contract from {@code schemas/input} or {@code schemas/output}, loaded from the classpath
 * so the same files drive validation at run time and the checks in the tests.
 */
public record TableContract(
    String table,
    String description,
    String key,
    @JsonProperty("time_column") String timeColumn,
    @JsonProperty("composed_of") List<String> composedOf,
    List<ColumnContract> columns) {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public TableContract {
    composedOf = composedOf == null ? List.of() : List.copyOf(composedOf);
    columns = List.copyOf(columns);
  }

  public static TableContract input(String table) {
    return load("schemas/input/" + table + ".json");
  }

  /**
   * An output contract. A contract {@code composed_of} other tables has their columns, in order,
   * each name once, followed by its own.
   */
  public static TableContract output(String table) {
    TableContract contract = load("schemas/output/" + table + ".json");
    if (contract.composedOf().isEmpty()) {
      return contract;
    }
    Map<String, ColumnContract> columns = new LinkedHashMap<>();
    for (String part : contract.composedOf()) {
      output(part).columns().forEach(c -> columns.putIfAbsent(c.name(), c));
    }
    contract.columns().forEach(c -> columns.putIfAbsent(c.name(), c));
    return new TableContract(
        contract.table(),
        contract.description(),
        contract.key(),
        contract.timeColumn(),
        contract.composedOf(),
        List.copyOf(columns.values()));
  }

  private static TableContract load(String resource) {
    try (InputStream in = TableContract.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("table contract " + resource + " is not on the classpath");
      }
      return MAPPER.readValue(in, TableContract.class);
    } catch (IOException e) {
      throw new UncheckedIOException("table contract " + resource + " cannot be read", e);
    }
  }

  public Optional<ColumnContract> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnContract::name).toList();
  }

  /** The Spark schema the contract describes. */
  public StructType sparkSchema() {
    return new StructType(
        columns.stream()
            .map(
                c ->
                    new StructField(
                        c.name(), DataType.fromDDL(c.type()), c.isNullable(), Metadata.empty()))
            .toArray(StructField[]::new));
  }
}
