package dev.idic.stages.interactions;

import dev.idic.stages.contract.AsOf;
import dev.idic.stages.testing.LocalSpark;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Tiny hand-made inputs in the staged contracts' shapes. The as-of date is 2026-06-30, UTC. */
final class Fixtures {

  static final LocalDate D = LocalDate.of(2026, 6, 30);
  static final AsOf AS_OF = new AsOf(D, ZoneOffset.UTC);

  static final StructType INTERACTIONS =
      new StructType()
          .add("interaction_id", DataTypes.StringType)
          .add("customer_id", DataTypes.StringType)
          .add("ts", DataTypes.TimestampType)
          .add("interaction_date", DataTypes.DateType)
          .add("channel", DataTypes.StringType)
          .add("initiator", DataTypes.StringType)
          .add("type", DataTypes.StringType)
          .add("resolved_ts", DataTypes.TimestampType)
          .add("outcome", DataTypes.StringType)
          .add("satisfaction", DataTypes.IntegerType)
          .add("known_customer", DataTypes.BooleanType);

  private Fixtures() {}

  /**
   * One interaction; {@code ts} and {@code resolvedTs} are ISO instants ("2026-06-01T10:00:00Z").
   */
  static Row interaction(
      String customerId,
      String ts,
      String channel,
      String initiator,
      String type,
      String resolvedTs,
      String outcome,
      Integer satisfaction) {
    Instant instant = Instant.parse(ts);
    return RowFactory.create(
        customerId + "@" + ts,
        customerId,
        Timestamp.from(instant),
        Date.valueOf(instant.atZone(ZoneOffset.UTC).toLocalDate()),
        channel,
        initiator,
        type,
        resolvedTs == null ? null : Timestamp.from(Instant.parse(resolvedTs)),
        outcome,
        satisfaction,
        true);
  }

  /** A plain contact on a day (noon UTC), not a complaint. */
  static Row contact(
      String customerId, String date, String channel, String initiator, String type) {
    return interaction(customerId, date + "T12:00:00Z", channel, initiator, type, null, null, null);
  }

  /** A complaint raised at {@code ts}, resolved at {@code resolvedTs} (null: open). */
  static Row complaint(
      String customerId, String ts, String resolvedTs, String outcome, Integer satisfaction) {
    return interaction(
        customerId, ts, "phone", "customer", "complaint", resolvedTs, outcome, satisfaction);
  }

  static Dataset<Row> interactions(Row... rows) {
    return LocalSpark.session().createDataFrame(List.of(rows), INTERACTIONS);
  }

  /** Transactions as {customer_id, "yyyy-MM-dd", amount} triples. */
  static Dataset<Row> transactions(Object[]... rows) {
    StructType schema =
        new StructType()
            .add("transaction_id", DataTypes.StringType)
            .add("customer_id", DataTypes.StringType)
            .add("purchase_date", DataTypes.DateType)
            .add("amount", DataTypes.createDecimalType(18, 2));
    List<Row> data = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      data.add(
          RowFactory.create(
              "t" + i,
              rows[i][0],
              Date.valueOf((String) rows[i][1]),
              new BigDecimal(String.valueOf(rows[i][2])).setScale(2)));
    }
    return LocalSpark.session().createDataFrame(data, schema);
  }

  static Date date(String isoDate) {
    return isoDate == null ? null : Date.valueOf(isoDate);
  }

  /** Builds a frame from rows and a DDL schema ("customer_id string, tier string, ..."). */
  static Dataset<Row> frame(String ddl, Object[]... rows) {
    List<Row> data = new ArrayList<>();
    for (Object[] row : rows) {
      data.add(RowFactory.create(row));
    }
    return LocalSpark.session().createDataFrame(data, StructType.fromDDL(ddl));
  }

  /** The one row of a customer. */
  static Row byCustomer(Dataset<Row> df, String customerId) {
    List<Row> rows = df.where(df.col("customer_id").equalTo(customerId)).collectAsList();
    if (rows.size() != 1) {
      throw new AssertionError("expected one row for " + customerId + ", got " + rows.size());
    }
    return rows.get(0);
  }
}
