package dev.idic.stages.tiers;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Locale;
import org.apache.spark.sql.Column;

/** The four value tiers, best first. */
public enum ValueTier {
  VIP("VIP"),
  KEY("Key"),
  REGULAR("Regular"),
  SMALL("Small");

  private final String label;

  ValueTier(String label) {
    this.label = label;
  }

  /** The value stored in tables: lower case. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  /** VIP and Key: together the top 20% of customers by value. */
  public static Column isTop(Column tier) {
    return tier.isin(VIP.code(), KEY.code());
  }

  /** The tier as people write it (VIP, Key, Regular, Small); other values unchanged. */
  public static Column label(Column tier) {
    Column label = tier;
    for (ValueTier value : values()) {
      label = when(tier.equalTo(value.code()), lit(value.label())).otherwise(label);
    }
    return label;
  }

  /** Position in value order, best first from 0; other values after every tier. */
  public static Column position(Column tier) {
    Column position = lit(values().length);
    for (ValueTier value : values()) {
      position = when(tier.equalTo(value.code()), lit(value.ordinal())).otherwise(position);
    }
    return position;
  }
}
