package dev.idic.synth;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Column layout of the generated inputs, named exactly like the input contracts so the default
 * configuration reads them without a column mapping. Every field is text, as a source system's CSV
 * export would have it; {@link SyntheticData#typed} gives the Parquet types.
 */
final class InputSchemas {

  static final StructType TRANSACTIONS =
      text(
          "transaction_id",
          "customer_id",
          "ts",
          "amount",
          "currency",
          "channel",
          "quantity",
          "category",
          "store_id");

  static final StructType INTERACTIONS =
      text(
          "interaction_id",
          "customer_id",
          "ts",
          "channel",
          "initiator",
          "type",
          "resolved_ts",
          "outcome",
          "satisfaction");

  static final StructType CUSTOMERS = text("customer_id", "signup_ts", "region", "segment");

  static final StructType WALLET_ESTIMATES = text("customer_id", "estimated_category_spend");

  private InputSchemas() {}

  private static StructType text(String... names) {
    StructType schema = new StructType();
    for (String name : names) {
      schema = schema.add(name, DataTypes.StringType, true);
    }
    return schema;
  }
}
