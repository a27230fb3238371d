package dev.idic.stages.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One column of a table contract in {@code schemas/}. See {@code schemas/README.md}. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ColumnContract(
    String name,
    String type,
    boolean required,
    List<String> allowed,
    Double min,
    Double max,
    Boolean nullable,
    String unit,
    String description) {

  public ColumnContract {
    allowed = allowed == null ? List.of() : List.copyOf(allowed);
  }

  public boolean isNullable() {
    return nullable == null || nullable;
  }
}
