package dev.idic.stages.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idic.stages.features.FeaturesStage;
import dev.idic.stages.ingest.IngestStage;
import dev.idic.stages.interactions.InteractionsStage;
import dev.idic.stages.models.ModelsStage;
import dev.idic.stages.publish.PublishStage;
import dev.idic.stages.tiers.TiersStage;
import dev.idic.stages.validation.ValidationStage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataflowTest {

  private static final List<Stage> NIGHT =
      List.of(
          new IngestStage(),
          new ValidationStage(),
          new FeaturesStage(),
          new ModelsStage(),
          new TiersStage(),
          new InteractionsStage(),
          new PublishStage());

  @Test
  void theStagesDeclareTheNightsConstants() {
    assertThat(NIGHT.stream().map(Stage::io).toList()).isEqualTo(Dataflow.NIGHT);
  }

  @Test
  void theJobOrderFollowsTheReadsWhateverOrderTheStagesComeIn() {
    List<Stage> shuffled = new ArrayList<>(NIGHT);
    Collections.reverse(shuffled);

    List<String> order = Dataflow.order(shuffled).stream().map(Stage::name).toList();

    assertThat(order.stream().filter(name -> !name.equals("validation")))
        .containsExactly("ingest", "features", "models", "tiers", "interactions", "publish");
    assertThat(order.indexOf("validation"))
        .as("the backtest needs only the accepted transactions and must precede publish")
        .isGreaterThan(order.indexOf("ingest"))
        .isLessThan(order.indexOf("publish"));
  }

  @Test
  void everyTableAStageNeedsIsWrittenByAnEarlierStage() {
    Set<Table> written = new HashSet<>();
    for (StageIo io : Dataflow.NIGHT) {
      assertThat(written)
          .as("tables %s reads, written before it runs", io.stage())
          .containsAll(io.allReads());
      written.addAll(io.writes());
    }
  }

  @Test
  void everyCatalogueTableIsWrittenAndEveryStagedOneIsRead() {
    Set<Table> written = new HashSet<>();
    Set<Table> read = new HashSet<>();
    Dataflow.NIGHT.forEach(
        io -> {
          written.addAll(io.writes());
          read.addAll(io.allReads());
        });
    for (Table table : Tables.all()) {
      if (table.published()) {
        assertThat(Dataflow.PUBLISH.publishes()).as("published tables").contains(table);
      } else {
        assertThat(written).as("staged tables with a writer").contains(table);
      }
    }
    // customers_accepted is read by publish: its attributes are the contact columns of the lists.
    assertThat(written.stream().filter(table -> !table.published()).filter(t -> !read.contains(t)))
        .as("staged tables nobody reads")
        .isEmpty();
  }

  @Test
  void everyOutputTableHasItsContract() {
    for (Table table : Tables.all()) {
      if (table.schema().startsWith("schemas/output/")) {
        assertThat(table.contract().table()).isEqualTo(table.name());
      }
    }
  }

  @Test
  void twoWritersOfOneTableAreAWiringError() {
    Stage first = fake(StageIo.of("a").writes(Tables.CUSTOMER_FEATURES));
    Stage second = fake(StageIo.of("b").writes(Tables.CUSTOMER_FEATURES));

    assertThatThrownBy(() -> Dataflow.order(List.of(first, second)))
        .hasMessageContaining("both 'a' and 'b' write customer_features");
  }

  @Test
  void readsInACycleAreAWiringError() {
    Stage first =
        fake(StageIo.of("a").reads(Tables.CUSTOMER_SCORES).writes(Tables.CUSTOMER_FEATURES));
    Stage second =
        fake(StageIo.of("b").reads(Tables.CUSTOMER_FEATURES).writes(Tables.CUSTOMER_SCORES));

    assertThatThrownBy(() -> Dataflow.order(List.of(first, second)))
        .hasMessageContaining("[a, b] form a cycle");
  }

  @Test
  void aStageCannotReadOrWriteWhatItDoesNotDeclare() {
    StagedTables tables =
        new StagedTables(null, new RunPaths("/tmp/w", LocalDate.of(2026, 1, 1)), Dataflow.FEATURES);

    assertThatThrownBy(() -> tables.read(Tables.CUSTOMER_SCORES))
        .hasMessageContaining("'features' reads customer_scores but Dataflow does not declare");
    assertThatThrownBy(() -> tables.write(Tables.CUSTOMER_SCORES, null))
        .hasMessageContaining("'features' writes customer_scores");
  }

  private static Stage fake(StageIo io) {
    return new Stage() {
      @Override
      public StageIo io() {
        return io;
      }

      @Override
      public StageReport run(RunContext context) {
        return StageReport.of(Map.of());
      }
    };
  }
}
