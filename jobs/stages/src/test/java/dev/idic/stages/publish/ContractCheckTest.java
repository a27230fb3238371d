package dev.idic.stages.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idic.stages.contract.IdicException;
import dev.idic.stages.contract.TableContract;
import dev.idic.stages.testing.LocalSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ContractCheckTest {

  private static final StructType QUARANTINE =
      new StructType()
          .add("input", DataTypes.StringType)
          .add("source_file", DataTypes.StringType)
          .add("record", DataTypes.StringType)
          .add("reason", DataTypes.StringType)
          .add("detail", DataTypes.StringType);

  @Test
  void aNullInANonNullColumnFailsNamingTableColumnCountAndFix() {
    Dataset<Row> quarantineDF =
        quarantine(
            RowFactory.create("transactions", "f.csv", "{}", "malformed_row", "cannot split"),
            RowFactory.create("transactions", "f.csv", "{}", "duplicate_transaction_id", null),
            RowFactory.create("transactions", "f.csv", "{}", "duplicate_transaction_id", null));

    assertThatThrownBy(
            () ->
                ContractCheck.requireValues(
                    quarantineDF, TableContract.output("quarantine"), "12m"))
        .isInstanceOf(IdicException.class)
        .hasMessageStartingWith("table quarantine: ")
        .hasMessageContaining("detail has 2 null values")
        .hasMessageContaining("schemas/output/quarantine.json declares them non-null")
        .hasMessageContaining("Fix: ");
  }

  @Test
  void theSameCheckObservedWhileTheTableIsComputed() {
    Dataset<Row> quarantineDF =
        quarantine(
            RowFactory.create("transactions", "f.csv", "{}", "malformed_row", "cannot split"),
            RowFactory.create("transactions", "f.csv", "{}", "duplicate_transaction_id", null));
    Observation values = new Observation();
    ContractCheck.observeValues(quarantineDF, TableContract.output("quarantine"), "12m", values)
        .collectAsList();

    assertThatThrownBy(
            () -> ContractCheck.requireObservedValues(values, TableContract.output("quarantine")))
        .isInstanceOf(IdicException.class)
        .hasMessageContaining("detail has 1 null values");
    Observation clean = new Observation();
    ContractCheck.observeValues(
            quarantineDF.limit(1), TableContract.output("quarantine"), "12m", clean)
        .collectAsList();
    assertThat(ContractCheck.requireObservedValues(clean, TableContract.output("quarantine")))
        .as("the row count")
        .isEqualTo(1L);
  }

  @Test
  void nullsWhereTheContractAllowsThemPass() {
    Dataset<Row> quarantineDF =
        quarantine(RowFactory.create("transactions", "f.csv", null, "malformed_row", "broken"));

    assertThatCode(
            () ->
                ContractCheck.requireValues(
                    quarantineDF, TableContract.output("quarantine"), "12m"))
        .as("record is nullable")
        .doesNotThrowAnyException();
  }

  private static Dataset<Row> quarantine(Row... rows) {
    return LocalSpark.session().createDataFrame(List.of(rows), QUARANTINE);
  }
}
