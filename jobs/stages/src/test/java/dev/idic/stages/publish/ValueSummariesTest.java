package dev.idic.stages.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.idic.stages.testing.LocalSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ValueSummariesTest {

  private static final StructType PROFILE =
      new StructType()
          .add("customer_id", DataTypes.StringType)
          .add("tier", DataTypes.StringType)
          .add("tier_basis", DataTypes.StringType)
          .add("rfm_segment", DataTypes.StringType)
          .add("basis_value", DataTypes.DoubleType)
          .add("total_spend", DataTypes.DoubleType)
          .add("days_since_last_purchase", DataTypes.IntegerType)
          .add("purchase_days", DataTypes.LongType)
          .add("r_score", DataTypes.IntegerType)
          .add("f_score", DataTypes.IntegerType)
          .add("m_score", DataTypes.IntegerType);

  private static Dataset<Row> profile() {
    return LocalSpark.session()
        .createDataFrame(
            List.of(
                customer("C1", "vip", "champions", 600.0, 500.0),
                customer("C2", "key", "champions", 250.0, 300.0),
                customer("C3", "regular", "hibernating", 100.0, 150.0),
                customer("C4", "regular", "hibernating", 50.0, 50.0)),
            PROFILE);
  }

  private static Row customer(String id, String tier, String segment, double value, double spend) {
    return RowFactory.create(id, tier, "clv", segment, value, spend, 10, 2L, 3, 3, 3);
  }

  @Test
  void tierSharesAreOfTheTotalsOverEveryTier() {
    Dataset<Row> summaryDF = ValueSummaries.tierSummary(profile());
    List<Row> rows = summaryDF.collectAsList();

    assertThat(rows)
        .extracting(row -> row.<String>getAs("tier"))
        .containsExactly("vip", "key", "regular");
    Row regular = rows.get(2);
    assertThat(regular.<Double>getAs("share_of_customers")).isCloseTo(0.5, within(1e-12));
    assertThat(regular.<Double>getAs("share_of_value")).isCloseTo(150.0 / 1000.0, within(1e-12));
    assertThat(regular.<Double>getAs("share_of_revenue")).isCloseTo(200.0 / 1000.0, within(1e-12));
    assertThat(summaryDF.columns())
        .as("the shares come last, in the published order, and no helper column is left")
        .endsWith("share_of_customers", "share_of_revenue", "share_of_value")
        .noneMatch(name -> name.startsWith("_"));
  }

  @Test
  void segmentSharesAreOfTheTotalsOverEverySegment() {
    List<Row> rows = ValueSummaries.segmentSummary(profile()).collectAsList();

    assertThat(rows)
        .extracting(row -> row.<String>getAs("rfm_segment"))
        .containsExactly("champions", "hibernating");
    assertThat(rows.get(0).<Double>getAs("share_of_revenue")).isCloseTo(0.8, within(1e-12));
    assertThat(rows.get(1).<Double>getAs("share_of_customers")).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void noSummaryNeedsAWindowWithoutPartition() {
    for (Dataset<Row> summaryDF :
        List.of(ValueSummaries.tierSummary(profile()), ValueSummaries.segmentSummary(profile()))) {
      assertThat(summaryDF.queryExecution().executedPlan().toString())
          .as("Spark warns 'No Partition Defined for Window operation!' on every such window")
          .doesNotContain("Window");
    }
  }
}
