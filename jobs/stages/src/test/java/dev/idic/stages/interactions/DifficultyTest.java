package dev.idic.stages.interactions;

import static dev.idic.stages.interactions.Fixtures.byCustomer;
import static dev.idic.stages.interactions.Fixtures.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.idic.stages.settings.ContactSettings.DifficultyRules;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DifficultyTest {

  // Defaults: a dispute adds 2 points to its complaint's 1; normal from 1, demanding from 3,
  // difficult from 6 points.
  private final Dataset<Row> classedDF =
      DifficultyClasses.addClass(
          frame(
              "customer_id string, complaints_365d long, disputes_365d long, returns_365d long",
              new Object[] {"quiet", 0L, 0L, 0L},
              new Object[] {"one_complaint", 1L, 0L, 0L},
              new Object[] {"complaint_and_return", 1L, 0L, 1L},
              new Object[] {"disputed", 1L, 1L, 0L},
              new Object[] {"returner", 0L, 0L, 5L},
              new Object[] {"hard", 2L, 1L, 2L}),
          DifficultyRules.defaults());

  @ParameterizedTest
  @CsvSource({
    "quiet, 0, easy",
    "one_complaint, 1, normal",
    "complaint_and_return, 2, normal",
    "disputed, 3, demanding",
    "returner, 5, demanding",
    "hard, 6, difficult"
  })
  void classesByPointThresholds(String customer, long points, String difficultyClass) {
    Row row = byCustomer(classedDF, customer);
    assertThat(row.<Long>getAs("difficulty_points")).as("points of %s", customer).isEqualTo(points);
    assertThat(row.<String>getAs("difficulty_class"))
        .as("class of %s", customer)
        .isEqualTo(difficultyClass);
  }

  @Test
  void explainsThePoints() {
    assertThat(byCustomer(classedDF, "hard").<String>getAs("difficulty_reason"))
        .as("reason lists the behaviour")
        .isEqualTo(
            "6 points in the last 365 days: 2 complaints, 1 dispute (2 points each), 2 returns");
  }

  @Test
  void reportsTheObservedSplitNextToTheReference() {
    List<Row> rows = DifficultySummary.apply(classedDF, DifficultyRules.defaults()).collectAsList();
    assertThat(rows)
        .extracting(r -> r.<String>getAs("difficulty_class"))
        .as("all classes, easiest first")
        .containsExactly("easy", "normal", "demanding", "difficult");
    assertThat(rows)
        .extracting(r -> r.<Long>getAs("customers"))
        .as("1 easy, 2 normal, 2 demanding, 1 difficult")
        .containsExactly(1L, 2L, 2L, 1L);
    assertThat(rows)
        .extracting(r -> r.<Double>getAs("reference_share"))
        .as("the 30/40/20/10 reference")
        .containsExactly(0.30, 0.40, 0.20, 0.10);
    assertThat(rows.get(1).<Double>getAs("observed_share"))
        .as("2 of 6")
        .isCloseTo(1.0 / 3, within(1e-12));
    assertThat(rows.get(0).<Double>getAs("share_difference"))
        .as("1/6 - 0.30")
        .isCloseTo(1.0 / 6 - 0.30, within(1e-12));
    assertThat(rows)
        .extracting(r -> r.<String>getAs("class_rule"))
        .as("point ranges")
        .containsExactly("0 points", "1 to 2 points", "3 to 5 points", "6 points or more");
  }

  @Test
  void keepsEveryClassWhenAllCustomersAreEasy() {
    List<Row> rows =
        DifficultySummary.apply(
                classedDF.where("customer_id = 'quiet'"), DifficultyRules.defaults())
            .collectAsList();
    assertThat(rows)
        .extracting(r -> r.<Double>getAs("observed_share"))
        .as("an honest 100% easy, not a forced 30/40/20/10")
        .containsExactly(1.0, 0.0, 0.0, 0.0);
  }
}
