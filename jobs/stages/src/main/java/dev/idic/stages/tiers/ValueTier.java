package dev.idic.stages.tiers;

import java.util.Locale;

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
}
