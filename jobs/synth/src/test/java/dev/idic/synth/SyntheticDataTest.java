package dev.idic.synth;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.synth.testing.LocalSpark;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SyntheticDataTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
  private static final SyntheticSpec SPEC =
      SyntheticSpec.demo(AS_OF).withCustomers(600).withBadRowRate(0.01);

  private static final String ISO_WITH_OFFSET =
      "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}$";

  private final SparkSession spark = LocalSpark.session();

  @Test
  void sameSeedGivesTheSameRowsInTheSameOrderWhateverThePartitioning() {
    List<Row> onePartition = SyntheticData.transactions(spark, SPEC, 1).collectAsList();
    List<Row> fivePartitions = SyntheticData.transactions(spark, SPEC, 5).collectAsList();
    List<Row> interactionsOne = SyntheticData.interactions(spark, SPEC, 1).collectAsList();
    List<Row> interactionsThree = SyntheticData.interactions(spark, SPEC, 3).collectAsList();

    assertThat(fivePartitions)
        .as("transactions independent of partitioning")
        .isEqualTo(onePartition);
    assertThat(interactionsThree)
        .as("interactions independent of partitioning")
        .isEqualTo(interactionsOne);
    assertThat(SyntheticData.customers(spark, SPEC, 4).collectAsList())
        .as("customers independent of partitioning")
        .isEqualTo(SyntheticData.customers(spark, SPEC, 1).collectAsList());
    assertThat(SyntheticData.walletEstimates(spark, SPEC, 4).collectAsList())
        .as("wallet estimates independent of partitioning")
        .isEqualTo(SyntheticData.walletEstimates(spark, SPEC, 1).collectAsList());
  }

  @Test
  void anotherSeedGivesOtherRows() {
    List<Row> seeded = SyntheticData.transactions(spark, SPEC, 2).collectAsList();
    List<Row> reseeded =
        SyntheticData.transactions(spark, SPEC.withSeed(SPEC.seed() + 1), 2).collectAsList();

    assertThat(reseeded).as("a different seed changes the data").isNotEqualTo(seeded);
  }

  @Test
  void producesAboutTwentyTransactionsPerCustomerAndOneCustomerRowEach() {
    SyntheticSpec clean = SPEC.withBadRowRate(0);
    long transactions = SyntheticData.transactions(spark, clean, 2).count();
    Dataset<Row> customersDF = SyntheticData.customers(spark, clean, 2);
    long wallet = SyntheticData.walletEstimates(spark, clean, 2).count();

    assertThat(transactions / (double) clean.customers())
        .as("transaction rows per customer")
        .isBetween(15.0, 25.0);
    assertThat(customersDF.count()).as("one row per customer").isEqualTo(clean.customers());
    assertThat(customersDF.select("customer_id").distinct().count())
        .as("distinct customer ids")
        .isEqualTo(clean.customers());
    assertThat(wallet / (double) clean.customers())
        .as("share of customers with a wallet estimate")
        .isBetween(0.2, 0.4);
  }

  @Test
  void writesTimestampsAsIsoWithOffsetAndNothingValidAfterTheAsOfDate() {
    Dataset<Row> transactionsDF = SyntheticData.transactions(spark, SPEC.withBadRowRate(0), 2);

    assertThat(transactionsDF.filter(col("ts").rlike(ISO_WITH_OFFSET)).count())
        .as("every timestamp is ISO-8601 with an offset")
        .isEqualTo(transactionsDF.count());
    assertThat(transactionsDF.filter(col("ts").substr(1, 10).gt(AS_OF.toString())).count())
        .as("rows dated after the as-of day")
        .isZero();
    assertThat(transactionsDF.filter(col("currency").notEqual("EUR")).count())
        .as("rows in another currency")
        .isZero();
  }

  @Test
  void addsEachKindOfBadRowAtTheConfiguredRateAndKeepsTheValidRowsUnchanged() {
    List<Row> clean = SyntheticData.transactions(spark, SPEC.withBadRowRate(0), 2).collectAsList();
    List<Row> dirty = SyntheticData.transactions(spark, SPEC, 2).collectAsList();

    BadRows cleanBad = BadRows.of(local(clean), AS_OF);
    BadRows dirtyBad = BadRows.of(local(dirty), AS_OF);

    assertThat(cleanBad.total()).as("bad rows at rate 0").isZero();
    assertThat(dirty.size() - clean.size())
        .as("the extra rows are the bad rows")
        .isEqualTo(dirtyBad.total());
    assertThat(dirtyBad.total() / (double) clean.size())
        .as("bad rows per valid row at rate 0.01")
        .isBetween(0.006, 0.014);
    assertThat(dirtyBad.unparseableAmount()).as("unparseable amounts").isPositive();
    assertThat(dirtyBad.missingCustomer()).as("missing customer ids").isPositive();
    assertThat(dirtyBad.duplicateId()).as("duplicate transaction ids").isPositive();
    assertThat(dirtyBad.afterAsOf()).as("timestamps after the as-of date").isPositive();
    assertThat(dirtyBad.unparseableTs()).as("unparseable timestamps").isPositive();
    assertThat(dirty).as("valid rows kept when bad rows are added").containsAll(clean);
  }

  @Test
  void addsBadInteractionRowsAtTheConfiguredRate() {
    List<Row> clean = SyntheticData.interactions(spark, SPEC.withBadRowRate(0), 2).collectAsList();
    List<Row> dirty = SyntheticData.interactions(spark, SPEC, 2).collectAsList();

    assertThat(badInteractions(clean)).as("bad interaction rows at rate 0").isZero();
    assertThat(badInteractions(dirty))
        .as("the extra interaction rows are the bad rows")
        .isEqualTo(dirty.size() - clean.size());
    assertThat((dirty.size() - clean.size()) / (double) clean.size())
        .as("bad interaction rows per valid row at rate 0.01")
        .isBetween(0.005, 0.015);
    assertThat(dirty).as("valid interactions kept when bad rows are added").containsAll(clean);
  }

  private long badInteractions(List<Row> rows) {
    Row counts =
        spark
            .createDataFrame(rows, InputSchemas.INTERACTIONS)
            .withColumn("instant", col("ts").try_cast("timestamp"))
            .agg(
                count_if(
                    col("customer_id")
                        .isNull()
                        .or(col("instant").isNull())
                        .or(col("ts").substr(1, 10).gt(AS_OF.toString()))),
                count(lit(1)),
                count_distinct(col("interaction_id")))
            .first();
    return counts.getLong(0) + counts.getLong(1) - counts.getLong(2);
  }

  private Dataset<Row> local(List<Row> rows) {
    return spark.createDataFrame(rows, InputSchemas.TRANSACTIONS);
  }

  /** Malformed rows found the way an ingest would: by parsing, not by knowing the generator. */
  private record BadRows(
      long unparseableAmount,
      long missingCustomer,
      long duplicateId,
      long afterAsOf,
      long unparseableTs) {

    long total() {
      return unparseableAmount + missingCustomer + duplicateId + afterAsOf + unparseableTs;
    }

    static BadRows of(Dataset<Row> transactionsDF, LocalDate asOf) {
      Row counts =
          transactionsDF
              .withColumn("amount_value", col("amount").try_cast("decimal(18,2)"))
              .withColumn("instant", col("ts").try_cast("timestamp"))
              .agg(
                  count_if(col("amount_value").isNull()),
                  count_if(col("customer_id").isNull()),
                  count_if(
                      col("instant").isNotNull().and(col("ts").substr(1, 10).gt(asOf.toString()))),
                  count_if(col("instant").isNull()),
                  count(lit(1)),
                  count_distinct(col("transaction_id")))
              .first();
      return new BadRows(
          counts.getLong(0),
          counts.getLong(1),
          counts.getLong(4) - counts.getLong(5),
          counts.getLong(2),
          counts.getLong(3));
    }
  }
}
