package dev.idic.batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.batch.testing.InProcessIdic;
import dev.idic.stages.testing.LocalSpark;
import dev.idic.synth.SyntheticDataGenerator;
import dev.idic.synth.SyntheticSpec;
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
 * Two nights a week apart on the same input files, through the CLI: the second night's
 * customer_profile carries each customer's tier of the first, the transitions add up to both
 * nights' customers, and the downgrade list holds exactly the fallen VIP and Key customers. A third
 * night with {@code --compare-to} the first compares with that one; a night not published or not
 * earlier is refused with exit 2 before anything runs.
 */
class TierMigrationIT {

  static final LocalDate D2 = LocalDate.parse("2026-11-22");
  static final LocalDate D1 = D2.minusDays(7);

  @TempDir Path dir;

  @Test
  void theSecondNightComparesWithTheFirst() throws Exception {
    SyntheticDataGenerator.generate(
        LocalSpark.session(),
        SyntheticSpec.demo(D2).withCustomers(600).withSeed(11).withBadRowRate(0.0),
        dir.resolve("in").toUri().toString());
    Files.writeString(
        dir.resolve("idic.yaml"),
        """
        work_dir: work
        warehouse: warehouse
        time_zone: Europe/Berlin
        time_unit: days
        inputs:
          transactions: { path: in/transactions }
          interactions: { path: in/interactions }
        """);
    InProcessIdic idic = InProcessIdic.production(dir);

    InProcessIdic.Outcome first = idic.execute("run", "--conf", "idic.yaml", "--as-of", "" + D1);
    assertThat(first.code()).as("%s", first).isZero();
    assertThat(first.output()).contains("no earlier published night to compare with");
    InProcessIdic.Outcome second = idic.execute("run", "--conf", "idic.yaml", "--as-of", "" + D2);
    assertThat(second.code()).as("%s", second).isZero();

    Map<String, String> tierOnD1 = new HashMap<>();
    read("customer_profile", D1)
        .collectAsList()
        .forEach(r -> tierOnD1.put(r.getAs("customer_id"), r.getAs("tier")));
    assertThat(read("customer_profile", D1).where("tier_change <> 'new'").count())
        .as("a first night: everyone new")
        .isZero();
    List<Row> tonight = read("customer_profile", D2).collectAsList();
    for (Row customer : tonight) {
      assertThat(customer.<String>getAs("previous_tier"))
          .as("previous tier of %s", customer.<String>getAs("customer_id"))
          .isEqualTo(tierOnD1.get(customer.<String>getAs("customer_id")));
    }

    long toTonight = 0;
    long fromD1 = 0;
    for (Row row : read("tier_transitions", D2).collectAsList()) {
      assertThat(row.<java.sql.Date>getAs("compared_to").toString()).isEqualTo(D1.toString());
      long customers = row.getAs("customers");
      toTonight += row.<String>getAs("to_tier").equals("gone") ? 0 : customers;
      fromD1 += row.<String>getAs("from_tier").equals("new") ? 0 : customers;
    }
    assertThat(toTonight).as("tonight's customers").isEqualTo(tonight.size());
    assertThat(fromD1).as("the first night's customers").isEqualTo(tierOnD1.size());

    List<String> fallen =
        tonight.stream()
            .filter(r -> r.getAs("previous_tier") != null && rank(r.getAs("previous_tier")) < 2)
            .filter(r -> rank(r.getAs("tier")) > rank(r.getAs("previous_tier")))
            .map(r -> r.<String>getAs("customer_id"))
            .sorted()
            .toList();
    List<String> listed =
        read("list_tier_downgrades", D2).collectAsList().stream()
            .map(r -> r.<String>getAs("customer_id"))
            .sorted()
            .toList();
    assertThat(fallen).as("a week moves some top customers down").isNotEmpty();
    assertThat(listed).as("the downgrade list").isEqualTo(fallen);
    assertThat(dir.resolve("warehouse/list_tier_downgrades_csv/as_of_date=" + D2)).isDirectory();

    // A third night told to compare with the first, not with the latest earlier one.
    LocalDate d3 = D2.plusDays(7);
    InProcessIdic.Outcome unpublished =
        idic.execute(
            "run", "--conf", "idic.yaml", "--as-of", "" + d3, "--compare-to", "" + D1.plusDays(1));
    assertThat(unpublished.code()).as("%s", unpublished).isEqualTo(2);
    assertThat(unpublished.output())
        .contains("--compare-to " + D1.plusDays(1), "no complete published night of that date");
    InProcessIdic.Outcome notEarlier =
        idic.execute("run", "--conf", "idic.yaml", "--as-of", "" + d3, "--compare-to", "" + d3);
    assertThat(notEarlier.code()).as("%s", notEarlier).isEqualTo(2);
    assertThat(notEarlier.output()).contains("must be before the as-of date");
    assertThat(dir.resolve("warehouse/customer_profile/as_of_date=" + d3))
        .as("refused before the night ran")
        .doesNotExist();

    InProcessIdic.Outcome third =
        idic.execute("run", "--conf", "idic.yaml", "--as-of", "" + d3, "--compare-to", "" + D1);
    assertThat(third.code()).as("%s", third).isZero();
    for (Row customer : read("customer_profile", d3).collectAsList()) {
      assertThat(customer.<String>getAs("previous_tier"))
          .as("previous tier of %s against the named night", customer.<String>getAs("customer_id"))
          .isEqualTo(tierOnD1.get(customer.<String>getAs("customer_id")));
    }
    assertThat(
            read("tier_transitions", d3).select("compared_to").distinct().collectAsList().stream()
                .map(r -> r.getDate(0).toString())
                .toList())
        .as("compared_to of the third night")
        .containsExactly(D1.toString());
  }

  private static int rank(String tier) {
    return List.of("vip", "key", "regular", "small").indexOf(tier);
  }

  private Dataset<Row> read(String table, LocalDate night) {
    return LocalSpark.session()
        .read()
        .parquet(dir.resolve("warehouse/" + table + "/as_of_date=" + night).toString());
  }
}
