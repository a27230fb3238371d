package dev.idic.stages.interactions;

import static dev.idic.stages.interactions.Fixtures.AS_OF;
import static dev.idic.stages.interactions.Fixtures.complaint;
import static dev.idic.stages.interactions.Fixtures.date;
import static dev.idic.stages.interactions.Fixtures.frame;
import static dev.idic.stages.interactions.Fixtures.interactions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ComplaintOutcomesTest {

  private static final String ACTIVITY =
      "customer_id string, first_purchase_date date, active_previous_period boolean,"
          + " active_current_period boolean";

  static final List<String> DISPUTES = List.of("disputed", "chargeback");

  // D = 2026-06-30, churn period 90 days: status is taken on 2026-04-01 (D - 90).
  private final Dataset<Row> activityDF =
      frame(
          ACTIVITY,
          new Object[] {"r1", date("2025-01-01"), true, true},
          new Object[] {"r2", date("2025-01-01"), true, false},
          new Object[] {"u1", date("2025-01-01"), true, false},
          new Object[] {"u2", date("2025-01-01"), false, false},
          new Object[] {"d1", date("2025-01-01"), true, false},
          new Object[] {"n1", date("2025-01-01"), true, true},
          new Object[] {"n2", date("2025-01-01"), true, true},
          new Object[] {"n3", date("2026-04-01"), false, true},
          new Object[] {"new", date("2026-04-02"), false, true},
          new Object[] {"late", date("2025-01-01"), true, false});

  private final Dataset<Row> interactionsDF =
      interactions(
          complaint("r1", "2026-03-01T09:00:00Z", "2026-03-02T09:00:00Z", "refund", 5),
          complaint("r2", "2026-02-01T09:00:00Z", "2026-06-01T09:00:00Z", "refund", 3),
          complaint("u1", "2026-03-15T09:00:00Z", null, null, null),
          complaint("u2", "2026-03-15T09:00:00Z", "2026-03-16T09:00:00Z", "refund", 4),
          complaint("u2", "2026-01-01T09:00:00Z", "2026-07-10T09:00:00Z", "refund", 1),
          complaint("d1", "2026-03-01T09:00:00Z", "2026-03-02T09:00:00Z", "disputed", 1),
          complaint("late", "2026-05-01T09:00:00Z", null, null, null),
          complaint("new", "2026-03-01T09:00:00Z", null, null, null));

  @Test
  void comparesResolvedUnresolvedAndNeverComplained() {
    List<Row> rows =
        ComplaintOutcomes.apply(interactionsDF, activityDF, AS_OF, 90, DISPUTES).collectAsList();
    assertThat(rows)
        .extracting(r -> r.<String>getAs("complaint_group"))
        .as("the three groups in order")
        .containsExactly("resolved", "unresolved", "never_complained");

    Row resolved = rows.get(0);
    assertThat(resolved.<Long>getAs("customers")).as("r1, r2").isEqualTo(2L);
    assertThat(resolved.<Double>getAs("repeat_purchase_rate"))
        .as("r1 bought again")
        .isCloseTo(0.5, within(1e-12));
    assertThat(resolved.<Long>getAs("active_previous_period")).as("r1, r2").isEqualTo(2L);
    assertThat(resolved.<Double>getAs("churn_rate")).as("r2 churned").isCloseTo(0.5, within(1e-12));

    Row unresolved = rows.get(1);
    assertThat(unresolved.<Long>getAs("customers"))
        .as("u1 open; u2 has one complaint resolved only after D; d1 closed as disputed")
        .isEqualTo(3L);
    assertThat(unresolved.<Double>getAs("repeat_purchase_rate"))
        .as("neither bought")
        .isCloseTo(0.0, within(0.0));
    assertThat(unresolved.<Long>getAs("churned")).as("u1, d1").isEqualTo(2L);
    assertThat(unresolved.<Double>getAs("churn_rate"))
        .as("u1, d1 of u1, d1")
        .isCloseTo(1.0, within(1e-12));

    Row never = rows.get(2);
    assertThat(never.<Long>getAs("customers"))
        .as(
            "n1, n2, n3 (first purchase on D - 90); new starts after, late complained in the period")
        .isEqualTo(3L);
    assertThat(never.<Double>getAs("repeat_purchase_rate"))
        .as("all bought")
        .isCloseTo(1.0, within(1e-12));
    assertThat(never.<Double>getAs("churn_rate"))
        .as("n1, n2 active before, both still")
        .isCloseTo(0.0, within(0.0));
  }

  @Test
  void keepsAllGroupsWithoutInteractions() {
    List<Row> rows =
        ComplaintOutcomes.apply(interactions(), activityDF, AS_OF, 90, DISPUTES).collectAsList();
    assertThat(rows)
        .extracting(r -> r.<Long>getAs("customers"))
        .as("every eligible customer never complained; empty groups have zero customers")
        .containsExactly(0L, 0L, 9L);
    assertThat(rows.get(0).<Object>getAs("churn_rate")).as("no rate for an empty group").isNull();
  }
}
