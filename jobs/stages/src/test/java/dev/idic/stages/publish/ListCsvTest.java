package dev.idic.stages.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.stages.contract.TableContract;
import dev.idic.stages.testing.LocalSpark;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ListCsvTest {

  private static final TableContract CONTRACT = TableContract.output("list_top_20_percent");

  private final Dataset<Row> listDF =
      LocalSpark.session()
          .createDataFrame(
              List.of(
                  RowFactory.create(
                      2L, "007", "key", 0.00012, 1234.5, Date.valueOf("2026-11-02"), "a \"b\""),
                  RowFactory.create(1L, "0042", "vip", 0.5, 98765.4321, null, "c, d")),
              StructType.fromDDL(
                  "list_rank bigint, customer_id string, tier string, p_alive double,"
                      + " basis_value double, last_purchase_date date, reason string"));

  @Test
  void linesHaveAHeaderThenTheRowsInListOrderWithIdsQuotedAndNumbersAlike() {
    List<String> lines = sorted(ListCsv.lines(listDF, CONTRACT, null));
    assertThat(lines)
        .as("header, then by list_rank; text quoted, numbers plain with one format per column")
        .containsExactly(
            "list_rank,customer_id,tier,p_alive,basis_value,last_purchase_date,reason",
            "1,\"0042\",\"vip\",0.5000,98765.43,,\"c, d\"",
            "2,\"007\",\"key\",0.0001,1234.50,2026-11-02,\"a \"\"b\"\"\"");
  }

  @Test
  void contactColumnsOfTheCustomersInputComeAlongWithoutChangingTheRowCount() {
    Dataset<Row> customersDF =
        LocalSpark.session()
            .createDataFrame(
                List.of(
                    RowFactory.create("0042", null, "ann@example.com", "north"),
                    RowFactory.create("999", null, "zed@example.com", "south")),
                StructType.fromDDL(
                    "customer_id string, signup_ts timestamp, email string, tier string"));
    List<String> lines = sorted(ListCsv.lines(listDF, CONTRACT, customersDF));
    assertThat(lines).as("header and the list's two rows").hasSize(3);
    assertThat(lines.get(0))
        .as("contact columns after the list's; a clash with a list column keeps a prefix")
        .endsWith(",reason,email,customer_tier");
    assertThat(lines.get(1)).endsWith(",\"c, d\",\"ann@example.com\",\"north\"");
    assertThat(lines.get(2)).as("no customers row: empty fields").endsWith(",,");
  }

  private static List<String> sorted(Dataset<Row> linesDF) {
    return linesDF.orderBy("list_rank").collectAsList().stream()
        .map(r -> r.<String>getAs(ListCsv.LINE))
        .toList();
  }
}
