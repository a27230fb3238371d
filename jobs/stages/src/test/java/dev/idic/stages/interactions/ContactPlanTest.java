package dev.idic.stages.interactions;

import static dev.idic.stages.interactions.Fixtures.AS_OF;
import static dev.idic.stages.interactions.Fixtures.byCustomer;
import static dev.idic.stages.interactions.Fixtures.date;
import static dev.idic.stages.interactions.Fixtures.frame;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.stages.settings.ContactSettings;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ContactPlanTest {

  // D = 2026-06-30; default cadences VIP 1/3, Key 3/6, Regular 6/12, Small 12/none, basic 12/none.
  private final Dataset<Row> planDF =
      ContactPlan.apply(
          frame(
              "customer_id string, tier string, difficulty_class string,"
                  + " first_purchase_date date, last_call_date date, last_visit_date date",
              new Object[] {
                "vip", "vip", "normal", date("2024-01-01"), date("2026-05-15"), date("2026-04-30")
              },
              new Object[] {"small", "small", "easy", date("2025-01-31"), null, null},
              new Object[] {
                "hard_key", "key", "difficult", date("2024-01-01"), date("2026-01-15"), null
              },
              new Object[] {
                "regular",
                "regular",
                "easy",
                date("2024-01-01"),
                date("2025-12-30"),
                date("2025-08-01")
              }),
          AS_OF,
          ContactSettings.defaults());

  @Test
  void vipCallIsOverdueAndVisitIsNot() {
    Row vip = byCustomer(planDF, "vip");
    assertThat(vip.<Integer>getAs("call_every_months")).as("VIP calls monthly").isEqualTo(1);
    assertThat(vip.<Object>getAs("next_call_due"))
        .as("a month after 2026-05-15")
        .isEqualTo(date("2026-06-15"));
    assertThat(vip.<Boolean>getAs("call_overdue")).as("due before D").isTrue();
    assertThat(vip.<Integer>getAs("days_call_overdue")).as("2026-06-15 to D").isEqualTo(15);
    assertThat(vip.<Object>getAs("next_visit_due"))
        .as("three months after 2026-04-30")
        .isEqualTo(date("2026-07-30"));
    assertThat(vip.<Boolean>getAs("visit_overdue")).as("due after D").isFalse();
    assertThat(vip.<Object>getAs("next_contact_due"))
        .as("the earlier due date")
        .isEqualTo(date("2026-06-15"));
    assertThat(vip.<Integer>getAs("days_overdue")).as("the larger of the two").isEqualTo(15);
    assertThat(vip.<String>getAs("reason"))
        .as("plain-language reason")
        .isEqualTo(
            "VIP customer: call every 1 month, visit every 3 months; call overdue by 15 days"
                + " (last call 2026-05-15); visit due 2026-07-30 (last visit 2026-04-30)");
  }

  @Test
  void neverContactedCustomerCountsFromTheFirstPurchase() {
    Row small = byCustomer(planDF, "small");
    assertThat(small.<Object>getAs("next_call_due"))
        .as("twelve months after the first purchase")
        .isEqualTo(date("2026-01-31"));
    assertThat(small.<Integer>getAs("days_call_overdue")).as("2026-01-31 to D").isEqualTo(150);
    assertThat(small.<Object>getAs("visit_every_months"))
        .as("Small customers get no visits")
        .isNull();
    assertThat(small.<Object>getAs("next_visit_due")).as("no visit due").isNull();
    assertThat(small.<Boolean>getAs("visit_overdue")).as("never overdue for no visit").isFalse();
    assertThat(small.<Boolean>getAs("contact_overdue")).as("the call").isTrue();
    assertThat(small.<String>getAs("reason"))
        .as("says where the count starts")
        .contains("no call on record, counted from first purchase 2025-01-31");
  }

  @Test
  void difficultCustomersGetBasicService() {
    Row hard = byCustomer(planDF, "hard_key");
    assertThat(hard.<String>getAs("service_level")).as("difficult").isEqualTo("basic");
    assertThat(hard.<Integer>getAs("call_every_months")).as("basic call cadence").isEqualTo(12);
    assertThat(hard.<Object>getAs("visit_every_months")).as("no visits at basic service").isNull();
    assertThat(hard.<Boolean>getAs("contact_overdue")).as("called in January").isFalse();
    assertThat(hard.<String>getAs("reason"))
        .as("names the class")
        .startsWith("Key customer classed difficult, basic service");
  }

  @Test
  void contactDueOnTheAsOfDateIsNotOverdue() {
    Row regular = byCustomer(planDF, "regular");
    assertThat(regular.<Object>getAs("next_call_due"))
        .as("six months after 2025-12-30")
        .isEqualTo(date("2026-06-30"));
    assertThat(regular.<Boolean>getAs("call_overdue")).as("due today").isFalse();
    assertThat(regular.<Integer>getAs("days_call_overdue")).as("not overdue").isEqualTo(0);
  }
}
