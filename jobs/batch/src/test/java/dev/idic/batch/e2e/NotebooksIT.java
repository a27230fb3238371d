package dev.idic.batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.batch.testing.InProcessIdic;
import dev.idic.batch.testing.NotebookRunner;
import dev.idic.stages.testing.LocalSpark;
import dev.idic.synth.SyntheticDataGenerator;
import dev.idic.synth.SyntheticSpec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every notebook in {@code notebooks/} executes headless, as a user would run it, against a
 * warehouse of two nights a week apart with the holdout backtest on (so the migration and
 * validation tables have rows), and a notebook with a failing cell fails the runner. The warehouse
 * and the executed copies (HTML) stay under {@code target/notebooks-it/} to look at.
 */
class NotebooksIT {

  static final LocalDate D2 = LocalDate.parse("2026-11-22");
  static final LocalDate D1 = D2.minusDays(7);

  static final Path ROOT =
      Path.of(System.getProperty("idic.project.root", "../..")).toAbsolutePath().normalize();
  static final Path OUT = Path.of("target/notebooks-it").toAbsolutePath();
  static final Path WAREHOUSE = OUT.resolve("night/warehouse");
  static final Path HTML = OUT.resolve("html");

  /** run.py's line for a notebook that ran to the end. */
  static final Pattern EXECUTED = Pattern.compile("executed (\\S+): \\d+ cells, (\\d+) plots?");

  static NotebookRunner runner;

  @BeforeAll
  static void twoNightsAndTheEnvironment() throws Exception {
    runner =
        NotebookRunner.of(ROOT.resolve("notebooks"), Path.of("target/notebooks-venv"))
            .ensureEnvironment();
    Path night = OUT.resolve("night");
    deleteRecursively(OUT);
    SyntheticDataGenerator.generate(
        LocalSpark.session(),
        SyntheticSpec.demo(D2).withCustomers(400).withSeed(11).withBadRowRate(0.0),
        night.resolve("in").toUri().toString());
    Files.writeString(
        night.resolve("idic.yaml"),
        """
        work_dir: work
        warehouse: warehouse
        time_zone: Europe/Berlin
        time_unit: days
        inputs:
          transactions: { path: in/transactions }
          interactions: { path: in/interactions }
        validation:
          holdout: 90
        """);
    InProcessIdic idic = InProcessIdic.production(night);
    for (LocalDate asOf : List.of(D1, D2)) {
      InProcessIdic.Outcome outcome =
          idic.execute("run", "--conf", "idic.yaml", "--as-of", asOf.toString());
      assertThat(outcome.code()).as("night %s: %s", asOf, outcome.output()).isZero();
    }
    assertThat(WAREHOUSE.resolve("idic.duckdb")).as("the catalogue").isRegularFile();
  }

  @TestFactory
  Stream<DynamicTest> everyNotebookRunsOnTheNewestNight() {
    List<Path> notebooks = runner.notebooks();
    assertThat(notebooks).as("notebooks in %s", ROOT.resolve("notebooks")).isNotEmpty();
    return notebooks.stream()
        .map(
            notebook ->
                DynamicTest.dynamicTest(
                    notebook.getFileName().toString(),
                    () -> {
                      String name = notebook.getFileName().toString();
                      NotebookRunner.Result result = runner.execute(notebook, WAREHOUSE, HTML);
                      System.out.print(result.output());
                      assertThat(result.exitCode()).as("%s", result).isZero();
                      Matcher executed = EXECUTED.matcher(result.output());
                      assertThat(executed.find()).as("%s", result).isTrue();
                      assertThat(executed.group(1)).as("the notebook's name").isEqualTo(name);
                      assertThat(Integer.parseInt(executed.group(2)))
                          .as("plots in %s", name)
                          .isPositive();
                      assertThat(HTML.resolve(name.replaceFirst("\\.ipynb$", ".html")))
                          .as("the executed copy")
                          .isRegularFile();
                    }));
  }

  @Test
  void aNotebookWithAFailingCellFailsTheRunAndNamesTheCell() throws Exception {
    Path broken = resource("notebooks/broken_cell.ipynb");

    NotebookRunner.Result result = runner.execute(broken, WAREHOUSE, OUT.resolve("broken"));

    assertThat(result.exitCode()).as("%s", result).isNotZero();
    assertThat(result.output())
        .as("names the notebook, the cell and the error")
        .contains("broken_cell.ipynb", "cell 3", "ZeroDivisionError")
        .doesNotContain("executed broken_cell.ipynb");
    assertThat(OUT.resolve("broken/broken_cell.html"))
        .as("the executed copy up to the failure, to look at")
        .isRegularFile();
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(NotebooksIT.class.getClassLoader().getResource(name).toURI());
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(path);
      }
    }
  }
}
