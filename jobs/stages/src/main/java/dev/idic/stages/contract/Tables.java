package dev.idic.stages.contract;

import static dev.idic.stages.contract.Table.Publication.PARQUET;
import static dev.idic.stages.contract.Table.Publication.PARQUET_AND_CSV;
import static dev.idic.stages.contract.Table.Publication.STAGED_ONLY;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue of the nightly run's tables: every table one stage hands to another or publish puts
 * into the warehouse is one constant here. {@link Dataflow} says which stage reads and writes each.
 */
public final class Tables {

  public static final Table TRANSACTIONS_ACCEPTED = Table.accepted("transactions");
  public static final Table INTERACTIONS_ACCEPTED = Table.accepted("interactions");
  public static final Table CUSTOMERS_ACCEPTED = Table.accepted("customers");
  public static final Table WALLET_ESTIMATES_ACCEPTED = Table.accepted("wallet_estimates");
  public static final Table QUARANTINE = Table.output("quarantine", PARQUET);
  public static final Table EXCLUDED = Table.output("excluded", PARQUET);

  public static final Table MODEL_VALIDATION = Table.output("model_validation", PARQUET);
  public static final Table MODEL_TRACKING = Table.output("model_tracking", PARQUET);
  public static final Table MODEL_CALIBRATION = Table.output("model_calibration", PARQUET);

  public static final Table CUSTOMER_FEATURES = Table.output("customer_features", STAGED_ONLY);
  public static final Table RECENT_PURCHASES = Table.output("recent_purchases", STAGED_ONLY);
  public static final Table COHORT_RETENTION = Table.output("cohort_retention", PARQUET);
  public static final Table CUSTOMER_SCORES = Table.output("customer_scores", STAGED_ONLY);
  public static final Table MODEL_FIT = Table.output("model_fit", PARQUET);
  public static final Table CUSTOMER_TIERS = Table.output("customer_tiers", STAGED_ONLY);

  public static final Table CUSTOMER_ENGAGEMENT = Table.output("customer_engagement", STAGED_ONLY);
  public static final Table CONTACT_PLAN = Table.output("contact_plan", PARQUET);
  public static final Table COMPLAINT_OUTCOMES = Table.output("complaint_outcomes", PARQUET);
  public static final Table LOYALTY_SUMMARY = Table.output("loyalty_summary", PARQUET);
  public static final Table DIFFICULTY_SUMMARY = Table.output("difficulty_summary", PARQUET);
  public static final Table CONTACT_MIX_BY_TIER = Table.output("contact_mix_by_tier", PARQUET);
  public static final Table LIST_TOP_20_PERCENT =
      Table.output("list_top_20_percent", PARQUET_AND_CSV);
  public static final Table LIST_VIP_KEY_OVERDUE =
      Table.output("list_vip_key_overdue", PARQUET_AND_CSV);
  public static final Table LIST_HIGH_VALUE_AT_RISK =
      Table.output("list_high_value_at_risk", PARQUET_AND_CSV);

  public static final Table CUSTOMER_PROFILE = Table.output("customer_profile", PARQUET);
  public static final Table TOP_CUSTOMERS = Table.output("top_customers", PARQUET);
  public static final Table TIER_SUMMARY = Table.output("tier_summary", PARQUET);
  public static final Table SEGMENT_SUMMARY = Table.output("segment_summary", PARQUET);
  public static final Table VALUE_CONCENTRATION = Table.output("value_concentration", PARQUET);
  public static final Table TIER_TRANSITIONS = Table.output("tier_transitions", PARQUET);
  public static final Table SEGMENT_TRANSITIONS = Table.output("segment_transitions", PARQUET);
  public static final Table LIST_TIER_DOWNGRADES =
      Table.output("list_tier_downgrades", PARQUET_AND_CSV);

  private Tables() {}

  /** The accepted rows of an input. */
  public static Table acceptedOf(String input) {
    String name = input + "_accepted";
    return all().stream()
        .filter(table -> table.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no input named " + input));
  }

  /** Every table of the catalogue, in the order declared above. */
  public static List<Table> all() {
    List<Table> tables = new ArrayList<>();
    for (Field field : Tables.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Table.class) {
        try {
          tables.add((Table) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return List.copyOf(tables);
  }
}
