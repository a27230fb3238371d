package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.contract.AsOf;
import dev.idic.stages.settings.ContactSettings;
import dev.idic.stages.settings.ContactSettings.Cadence;
import dev.idic.stages.tiers.ValueTier;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code contact_plan} table: when each customer is next due for a call and a visit.
 *
 * <p>The cadence is the tier's; customers classed difficult get the basic-service cadence whatever
 * their tier. A contact is due its cadence in months after the last one (calendar months, {@code
 * add_months}); a customer never called (visited) is counted from the first purchase day. A contact
 * is overdue when its due date lies before D; days overdue are D - due date, else 0. A contact the
 * cadence does not include has no due date and is never overdue.
 *
 * <p>Columns: customer_id, tier, difficulty_class, service_level (tier | basic), call_every_months,
 * visit_every_months (int, null = none), last_call_date, last_visit_date, next_call_due,
 * next_visit_due, next_contact_due (date), call_overdue, visit_overdue, contact_overdue (boolean),
 * days_call_overdue, days_visit_overdue, days_overdue (int), reason (plain language). Needs:
 * customer_id, tier, difficulty_class, first_purchase_date, last_call_date, last_visit_date.
 */
public final class ContactPlan {

  private ContactPlan() {}

  public static Dataset<Row> apply(Dataset<Row> engagementDF, AsOf asOf, ContactSettings settings) {
    Column basic = col("difficulty_class").equalTo("difficult");
    Dataset<Row> planDF =
        engagementDF
            .withColumn("service_level", when(basic, lit("basic")).otherwise(lit("tier")))
            .withColumn("call_every_months", cadence(settings, basic, Cadence::callEveryMonths))
            .withColumn("visit_every_months", cadence(settings, basic, Cadence::visitEveryMonths));
    planDF = addDue(planDF, asOf, "call");
    planDF = addDue(planDF, asOf, "visit");
    return planDF
        .withColumn("next_contact_due", least(col("next_call_due"), col("next_visit_due")))
        .withColumn("contact_overdue", col("call_overdue").or(col("visit_overdue")))
        .withColumn("days_overdue", greatest(col("days_call_overdue"), col("days_visit_overdue")))
        .withColumn("reason", reason())
        .select(
            "customer_id",
            "tier",
            "difficulty_class",
            "service_level",
            "call_every_months",
            "visit_every_months",
            "last_call_date",
            "last_visit_date",
            "next_call_due",
            "next_visit_due",
            "next_contact_due",
            "call_overdue",
            "visit_overdue",
            "contact_overdue",
            "days_call_overdue",
            "days_visit_overdue",
            "days_overdue",
            "reason");
  }

  private static Column cadence(
      ContactSettings settings, Column basic, Function<Cadence, Integer> months) {
    Column byTier = lit(null).cast("int");
    for (ValueTier tier : ValueTier.values()) {
      byTier =
          when(
                  col("tier").equalTo(tier.code()),
                  lit(months.apply(settings.cadenceOf(tier.code()))).cast("int"))
              .otherwise(byTier);
    }
    return when(basic, lit(months.apply(settings.basicService())).cast("int")).otherwise(byTier);
  }

  private static Dataset<Row> addDue(Dataset<Row> planDF, AsOf asOf, String contact) {
    Column due =
        add_months(
            coalesce(col("last_" + contact + "_date"), col("first_purchase_date")),
            col(contact + "_every_months"));
    Column overdueDays = datediff(asOf.dateLit(), col("next_" + contact + "_due"));
    return planDF
        .withColumn("next_" + contact + "_due", due)
        .withColumn(contact + "_overdue", coalesce(overdueDays.gt(0), lit(false)))
        .withColumn(
            "days_" + contact + "_overdue", when(overdueDays.gt(0), overdueDays).otherwise(lit(0)));
  }

  private static Column reason() {
    Column cadence =
        concat_ws(
            ", ",
            when(
                col("call_every_months").isNotNull(),
                format_string(
                    "call every %s", Phrases.count(col("call_every_months"), "month", "months"))),
            when(col("call_every_months").isNull(), lit("no calls")),
            when(
                col("visit_every_months").isNotNull(),
                format_string(
                    "visit every %s", Phrases.count(col("visit_every_months"), "month", "months"))),
            when(col("visit_every_months").isNull(), lit("no visits")));
    Column who =
        when(
                col("service_level").equalTo("basic"),
                format_string(
                    "%s customer classed difficult, basic service", ValueTier.label(col("tier"))))
            .otherwise(format_string("%s customer", ValueTier.label(col("tier"))));
    return concat_ws("; ", format_string("%s: %s", who, cadence), status("call"), status("visit"));
  }

  private static Column status(String contact) {
    Column last = col("last_" + contact + "_date");
    Column since =
        when(last.isNotNull(), format_string("last %s %s", lit(contact), last.cast("string")))
            .otherwise(
                format_string(
                    "no %s on record, counted from first purchase %s",
                    lit(contact), col("first_purchase_date").cast("string")));
    return when(
        col(contact + "_every_months").isNotNull(),
        when(
                col(contact + "_overdue"),
                format_string(
                    "%s overdue by %s (%s)",
                    lit(contact), Phrases.days(col("days_" + contact + "_overdue")), since))
            .otherwise(
                format_string(
                    "%s due %s (%s)",
                    lit(contact), col("next_" + contact + "_due").cast("string"), since)));
  }
}
