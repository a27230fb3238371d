package dev.idic.batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.batch.testing.InProcessIdic;
import dev.idic.stages.testing.LocalSpark;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's degenerate fit through whole nights of the CLI. The export is shaped like the retail
 * data the issue measured: customers with long, regular purchase histories (Erlang(8) gaps, far
 * more regular than the Poisson purchasing BG/NBD assumes) of whom only 5% stop. BG/NBD then drifts
 * to a dropout parameter near 0 and P(alive) is high for everyone (the model module's
 * RegularBuyersFitTest pins that fit). With the quality gate on, the night must fail with exit 6
 * naming the degeneracy; with the gate off, the night publishes, says so, flags {@code model_fit},
 * and judges the lifecycle of repeat buyers by their own purchase gaps instead of P(alive).
 */
class DegenerateFitNightIT {

  static final LocalDate AS_OF = LocalDate.parse("2026-01-31");

  @TempDir static Path dir;
  static Path export;

  @BeforeAll
  static void writeRegularBuyers() throws IOException {
    export = dir.resolve("regular_buyers.csv");
    Random random = new Random(13);
    try (Writer out = Files.newBufferedWriter(export)) {
      out.write("customer,day,amount\n");
      for (int c = 0; c < 3000; c++) {
        int age = 100 + random.nextInt(274);
        double meanGap = 10 + random.nextDouble() * 50;
        double end = random.nextDouble() < 0.05 ? random.nextDouble() * age : age;
        double spendLevel = 20 + random.nextDouble() * 80;
        LocalDate first = AS_OF.minusDays(age);
        double t = 0;
        while (t <= end) {
          double amount = Math.round(spendLevel * (0.5 + random.nextDouble()) * 100) / 100.0;
          out.write("c" + c + "," + first.plusDays((long) t) + "," + amount + "\n");
          double gap = 0;
          for (int k = 0; k < 8; k++) {
            gap -= Math.log(1 - random.nextDouble());
          }
          t += meanGap * gap / 8;
        }
      }
    }
  }

  @Test
  void theGateStopsTheNightNamingTheDegeneracy() throws IOException {
    InProcessIdic.Outcome night = night("gated", "  max_abs_error: 0.9\n");

    assertThat(night.code()).as(night.output()).isEqualTo(6);
    assertThat(night.output())
        .contains("degenerate")
        .containsAnyOf("P(alive) is nearly constant", "standard error");
    assertThat(dir.resolve("gated/warehouse/customer_profile/as_of_date=" + AS_OF))
        .as("nothing of the night is published")
        .doesNotExist();
  }

  @Test
  void withoutTheGateTheNightPublishesFlagsTheFitAndJudgesByPurchaseGaps() throws IOException {
    // On this draw BG/NBD's b also runs off to infinity, which by default rejects the input
    // (exit 3); the user's way to publish such a fit with its warning is this setting.
    InProcessIdic.Outcome night =
        night("report_only", "models:\n  fail_on_non_convergence: false\n");

    assertThat(night.code()).as(night.output()).isZero();
    assertThat(night.output())
        .as("the console says it")
        .contains("bgnbd fit is degenerate")
        .contains("mean gap between purchases");
    Path warehouse = dir.resolve("report_only/warehouse");
    List<Row> fit = read(warehouse, "model_fit").where("model = 'bgnbd'").collectAsList();
    assertThat(fit)
        .isNotEmpty()
        .allSatisfy(
            row -> {
              assertThat(row.<Boolean>getAs("degenerate")).isTrue();
              assertThat(row.<String>getAs("warning")).isNotBlank();
            });

    List<Row> repeatBuyers =
        read(warehouse, "customer_profile").where("frequency > 0").collectAsList();
    List<Row> lapsed =
        repeatBuyers.stream()
            .filter(
                r ->
                    r.<Number>getAs("days_since_last_purchase").doubleValue()
                        > Math.max(90, 3 * r.<Double>getAs("mean_inter_purchase_days")))
            .toList();
    assertThat(lapsed)
        .as("the generator stops 5% of the customers: some have lapsed by their own rhythm")
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(r.<String>getAs("lifecycle_stage"))
                    .as("%s, P(alive) %s", r.getAs("customer_id"), r.getAs("p_alive"))
                    .isEqualTo("churned"));
    assertThat(repeatBuyers)
        .as("no lifecycle reason leans on the degenerate P(alive)")
        .noneMatch(r -> r.<String>getAs("lifecycle_reason").contains("P(alive)"));
  }

  private static InProcessIdic.Outcome night(String name, String gate) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    Files.writeString(
        folder.resolve("idic.yaml"),
        """
        work_dir: work
        warehouse: warehouse
        time_zone: UTC
        time_unit: days
        inputs:
          transactions:
            path: %s
            format: csv
            timestamp_format: yyyy-MM-dd
            columns: {customer_id: customer, ts: day, amount: amount}
        validation:
          holdout: 60
        %s"""
            .formatted(export, gate));
    return InProcessIdic.production(folder)
        .execute("run", "--conf", "idic.yaml", "--as-of", AS_OF.toString());
  }

  private static org.apache.spark.sql.Dataset<Row> read(Path warehouse, String table) {
    return LocalSpark.session()
        .read()
        .parquet(warehouse.resolve(table + "/as_of_date=" + AS_OF).toString());
  }
}
