package dev.idic.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.batch.testing.InProcessIdic;
import dev.idic.stages.testing.LocalSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given the shipped defaults, when {@code idic demo} runs two nights a week apart on one generated
 * history ({@code --data-until}), then both publish, print the night summary, and the second
 * night's migration compares with the first: every customer's previous tier is its tier on the
 * first night and the transitions add up to both nights' customers.
 */
class DemoIT {

  static final LocalDate D2 = LocalDate.parse("2026-11-22");
  static final LocalDate D1 = D2.minusDays(7);

  @TempDir Path dir;

  @Test
  void twoDemoNightsOnOneHistoryMigrate() throws Exception {
    // The demo replaces the inputs with the generated files; the configuration still names one.
    Files.writeString(
        dir.resolve("idic.yaml"),
        "work_dir: work\nwarehouse: warehouse\ninputs:\n  transactions: { path: unused }\n");
    InProcessIdic idic = InProcessIdic.production(dir);
    String[] common = {"demo", "--conf", "idic.yaml", "--customers", "400"};

    InProcessIdic.Outcome before =
        idic.execute(args(common, "--as-of", "" + D2, "--data-until", "" + D1));
    assertThat(before.code()).as("a history ending before the night: %s", before).isEqualTo(2);
    assertThat(before.output()).contains("--data-until " + D1, "before the as-of date");

    InProcessIdic.Outcome first =
        idic.execute(args(common, "--as-of", "" + D1, "--data-until", "" + D2));
    assertThat(first.code()).as("%s", first).isZero();
    InProcessIdic.Outcome second = idic.execute(args(common, "--as-of", "" + D2));
    assertThat(second.code()).as("%s", second).isZero();
    for (InProcessIdic.Outcome night : List.of(first, second)) {
      assertThat(night.output())
          .as("the generated history and the summary")
          .contains("demo/data_until=" + D2, "Customers:");
    }

    Map<String, String> tierOnD1 = new HashMap<>();
    read("customer_profile", D1)
        .collectAsList()
        .forEach(r -> tierOnD1.put(r.getAs("customer_id"), r.getAs("tier")));
    List<Row> tonight = read("customer_profile", D2).collectAsList();
    for (Row customer : tonight) {
      assertThat(customer.<String>getAs("previous_tier"))
          .as("previous tier of %s", customer.<String>getAs("customer_id"))
          .isEqualTo(tierOnD1.get(customer.<String>getAs("customer_id")));
    }
    long toTonight = 0;
    long fromD1 = 0;
    long moved = 0;
    for (Row row : read("tier_transitions", D2).collectAsList()) {
      long customers = row.getAs("customers");
      String from = row.getAs("from_tier");
      String to = row.getAs("to_tier");
      toTonight += to.equals("gone") ? 0 : customers;
      fromD1 += from.equals("new") ? 0 : customers;
      moved += from.equals(to) ? 0 : customers;
    }
    assertThat(toTonight).as("tonight's customers").isEqualTo(tonight.size());
    assertThat(fromD1).as("the first night's customers").isEqualTo(tierOnD1.size());
    assertThat(moved).as("a week of one history moves customers between tiers").isPositive();
  }

  private static String[] args(String[] common, String... more) {
    String[] all = new String[common.length + more.length];
    System.arraycopy(common, 0, all, 0, common.length);
    System.arraycopy(more, 0, all, common.length, more.length);
    return all;
  }

  private Dataset<Row> read(String table, LocalDate night) {
    return LocalSpark.session()
        .read()
        .parquet(dir.resolve("warehouse/" + table + "/as_of_date=" + night).toString());
  }
}
