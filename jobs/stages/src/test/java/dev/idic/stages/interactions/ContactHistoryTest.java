package dev.idic.stages.interactions;

import static dev.idic.stages.interactions.Fixtures.AS_OF;
import static dev.idic.stages.interactions.Fixtures.byCustomer;
import static dev.idic.stages.interactions.Fixtures.contact;
import static dev.idic.stages.interactions.Fixtures.date;
import static dev.idic.stages.interactions.Fixtures.interactions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ContactHistoryTest {

  // D = 2026-06-30: last 90 days from 2026-04-02, last 365 days from 2025-07-01.
  private final Dataset<Row> historyDF =
      ContactHistory.perCustomer(
          interactions(
              contact("a", "2026-06-20", "phone", "company", "call"),
              contact("a", "2026-03-01", "email", "customer", "inquiry"),
              contact("a", "2025-12-01", "face_to_face", "company", "visit"),
              contact("a", "2025-06-30", "email", "company", "campaign"),
              contact("a", "2026-07-02", "web", "customer", "inquiry"),
              contact("b", "2026-04-01", "event", "company", "visit")),
          AS_OF);

  @Test
  void countsInteractionsPerWindowAndChannel() {
    Row a = byCustomer(historyDF, "a");
    assertThat(a.<Long>getAs("interactions_90d"))
        .as("only the call is in the last 90 days")
        .isEqualTo(1L);
    assertThat(a.<Long>getAs("interactions_90d_phone")).as("the call is by phone").isEqualTo(1L);
    assertThat(a.<Long>getAs("interactions_365d"))
        .as(
            "call, inquiry, visit; the email exactly 365 days back and the web visit after D excluded")
        .isEqualTo(3L);
    assertThat(a.<Long>getAs("interactions_365d_email")).as("one email in the year").isEqualTo(1L);
    assertThat(a.<Long>getAs("interactions_365d_web")).as("after D does not count").isEqualTo(0L);
    assertThat(a.<Long>getAs("company_initiated_365d")).as("call and visit").isEqualTo(2L);
    assertThat(a.<Long>getAs("customer_initiated_365d")).as("the inquiry").isEqualTo(1L);
    assertThat(a.<Double>getAs("contact_share_phone"))
        .as("one of three interactions in the year is by phone")
        .isCloseTo(1.0 / 3, within(1e-12));
    assertThat(a.<Double>getAs("contact_share_letter"))
        .as("no letters")
        .isCloseTo(0.0, within(0.0));
  }

  @Test
  void findsLastContactPerChannelCallAndVisit() {
    Row a = byCustomer(historyDF, "a");
    Row b = byCustomer(historyDF, "b");
    assertThat(a.<Object>getAs("last_contact_date_email"))
        .as("latest email on or before D, older ones included")
        .isEqualTo(date("2026-03-01"));
    assertThat(a.<Object>getAs("last_contact_date_web")).as("web only after D").isNull();
    assertThat(a.<Object>getAs("last_contact_date"))
        .as("latest contact")
        .isEqualTo(date("2026-06-20"));
    assertThat(a.<Object>getAs("last_call_date")).as("phone call").isEqualTo(date("2026-06-20"));
    assertThat(a.<Object>getAs("last_visit_date"))
        .as("face-to-face visit")
        .isEqualTo(date("2025-12-01"));
    assertThat(b.<Object>getAs("last_visit_date"))
        .as("a visit at an event counts by its type")
        .isEqualTo(date("2026-04-01"));
    assertThat(b.<Long>getAs("interactions_90d"))
        .as("D - 90 days is outside the last 90 days")
        .isEqualTo(0L);
  }
}
