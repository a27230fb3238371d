package dev.idic.batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.batch.testing.InProcessIdic;
import dev.idic.stages.testing.LocalSpark;
import dev.idic.stages.testing.SharedData;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code conf/examples/cdnow.yaml} run through the CLI on the CDNOW sample publishes
 * the published BG/NBD parameters (Fader, Hardie & Lee 2005) into {@code model_fit}.
 */
class CdnowPipelineIT {

  @TempDir Path dir;

  @Test
  void cdnowExampleReproducesThePublishedBgNbdFit() {
    SharedData.cdnow();
    Path root = Path.of(System.getProperty("idic.project.root", "../.."));
    Path conf = root.resolve("conf/examples/cdnow.yaml").toAbsolutePath();
    InProcessIdic idic =
        InProcessIdic.production(dir)
            .withEnvironment("IDIC_WORK_DIR", dir.resolve("work").toString())
            .withEnvironment("IDIC_WAREHOUSE", dir.resolve("warehouse").toString());

    InProcessIdic.Outcome outcome =
        idic.execute("run", "--as-of", "1997-09-30", "--conf", conf.toString());

    assertThat(outcome.code()).as("exit code: %s", outcome).isZero();
    String partition = "/as_of_date=1997-09-30";
    Map<String, Double> estimates = new HashMap<>();
    Double logLikelihood = null;
    for (Row row :
        LocalSpark.session()
            .read()
            .parquet(dir.resolve("warehouse/model_fit" + partition).toString())
            .collectAsList()) {
      if ("bgnbd".equals(row.getAs("model"))) {
        estimates.put(row.getAs("parameter"), row.getAs("estimate"));
        logLikelihood = row.getAs("log_likelihood");
      }
    }
    assertThat(estimates.get("r"))
        .as("r")
        .isCloseTo(0.243, org.assertj.core.api.Assertions.within(0.0005));
    assertThat(estimates.get("alpha"))
        .as("alpha (weeks)")
        .isCloseTo(4.414, org.assertj.core.api.Assertions.within(0.005));
    assertThat(estimates.get("a"))
        .as("a")
        .isCloseTo(0.793, org.assertj.core.api.Assertions.within(0.0005));
    assertThat(estimates.get("b"))
        .as("b")
        .isCloseTo(2.426, org.assertj.core.api.Assertions.within(0.005));
    assertThat(logLikelihood)
        .as("log-likelihood")
        .isCloseTo(-9582.4, org.assertj.core.api.Assertions.within(0.05));
    assertThat(
            LocalSpark.session()
                .read()
                .parquet(dir.resolve("warehouse/customer_profile" + partition).toString())
                .count())
        .as("every CDNOW customer profiled")
        .isEqualTo(2357);
    // 0.2 x 2,357 = 471.4: the Key cut keeps 472 ranks; the list once kept rank / n <= 0.20, 471.
    for (String table : new String[] {"top_customers", "list_top_20_percent"}) {
      assertThat(
              LocalSpark.session()
                  .read()
                  .parquet(dir.resolve("warehouse/" + table + partition).toString())
                  .count())
          .as("%s: the VIP and Key customers, ceil(0.2 x 2,357)", table)
          .isEqualTo(472);
    }
  }
}
