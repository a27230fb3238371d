package dev.idic.stages.interactions;

import static dev.idic.stages.interactions.Fixtures.AS_OF;
import static dev.idic.stages.interactions.Fixtures.byCustomer;
import static dev.idic.stages.interactions.Fixtures.complaint;
import static dev.idic.stages.interactions.Fixtures.contact;
import static dev.idic.stages.interactions.Fixtures.interactions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ComplaintMetricsTest {

  // D = 2026-06-30 UTC, observation ends 2026-07-01T00:00Z; SLA 48 hours.
  private final Dataset<Row> complaintsDF =
      ComplaintMetrics.perCustomer(
          interactions(
              // resolved in 24 h, satisfied: within SLA
              complaint("a", "2026-06-01T10:00:00Z", "2026-06-02T10:00:00Z", "refund", 4),
              // resolved in 96 h, a dispute (outcome matched case-insensitively): SLA miss
              complaint("a", "2026-06-10T00:00:00Z", "2026-06-14T00:00:00Z", "Rejected", 2),
              // open, 36 h old at the end of D: not judged against the SLA yet
              complaint("a", "2026-06-29T12:00:00Z", null, null, null),
              // resolved only after D: open as of D and long past the SLA, a miss
              complaint("a", "2026-05-01T00:00:00Z", "2026-07-05T00:00:00Z", "refund", 5),
              // older than a year, resolved in 6 h without a score
              complaint("a", "2025-01-01T00:00:00Z", "2025-01-01T06:00:00Z", "replaced", null),
              contact("a", "2026-06-15", "phone", "company", "call"),
              contact("b", "2026-06-15", "email", "customer", "inquiry")),
          AS_OF,
          48.0,
          List.of("rejected", "disputed"));

  @Test
  void countsComplaintsOpenOnesAndDisputes() {
    Row a = byCustomer(complaintsDF, "a");
    assertThat(a.<Long>getAs("complaints_total"))
        .as("five complaints, the call is none")
        .isEqualTo(5L);
    assertThat(a.<Long>getAs("complaints_365d")).as("four in the last year").isEqualTo(4L);
    assertThat(a.<Long>getAs("complaints_open"))
        .as("the unresolved one and the one resolved after D")
        .isEqualTo(2L);
    assertThat(a.<Long>getAs("disputes_365d")).as("the rejected one").isEqualTo(1L);
    assertThat(complaintsDF.count()).as("b never complained: no row").isEqualTo(1L);
  }

  @Test
  void measuresResolutionTimeSlaAndSatisfaction() {
    Row a = byCustomer(complaintsDF, "a");
    assertThat(a.<Double>getAs("median_resolution_hours"))
        .as("median of 24, 96 and 6 hours")
        .isCloseTo(24.0, within(1e-9));
    assertThat(a.<Double>getAs("share_resolved_within_sla"))
        .as("24 h and 6 h met, 96 h and the late one missed; the fresh open one not judged: 2/4")
        .isCloseTo(0.5, within(1e-12));
    assertThat(a.<Double>getAs("mean_satisfaction_after_resolution"))
        .as("scores of complaints resolved by D: 4 and 2")
        .isCloseTo(3.0, within(1e-12));
  }
}
