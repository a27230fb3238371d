package dev.idic.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.batch.PipelineStages;
import dev.idic.batch.job.RunOutcome.Result;
import dev.idic.stages.contract.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Command-line usage and exit codes that need neither Spark nor a job repository. */
class IdicCliTest {

  @TempDir Path dir;

  record Outcome(int code, String out, String err) {}

  private Outcome idic(String... args) {
    return idic(List.of(), args);
  }

  private Outcome idic(List<Class<?>> stages, String... args) {
    IdicRuntime runtime =
        new IdicRuntime(
            Map.of(),
            dir,
            Clock.systemUTC(),
            config -> {
              throw new AssertionError("no Spark expected");
            },
            stages);
    CommandLine commandLine = new IdicCli(runtime).commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return new Outcome(commandLine.execute(args), out.toString(), err.toString());
  }

  @Test
  void helpListsTheCommandsAndTheExitCodes() {
    Outcome help = idic("--help");

    assertThat(help.code()).isZero();
    assertThat(help.out())
        .contains(
            "run",
            "status",
            "sql",
            "catalogue",
            "Exit codes:",
            "3  input rejected",
            "4  another run");
  }

  @Test
  void versionPrintsAndExitsZero() {
    Outcome version = idic("--version");

    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("idic ");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(idic("run", "--as-of=2026-13-01").code())
        .as("impossible date")
        .isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
    assertThat(idic("run", "--frobnicate").code())
        .as("unknown option")
        .isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
    assertThat(idic("launch").code()).as("unknown command").isEqualTo(2);
  }

  @Test
  void badDatesAreExplainedWithoutJavaNames() {
    Outcome month = idic("run", "--as-of=2026-13-01");
    Outcome day = idic("backfill", "--from=2026-02-29", "--to=2026-03-01");
    Outcome shape = idic("run", "--as-of", "yesterday");

    assertThat(month.err())
        .contains("'2026-13-01' is not a date: there is no month 13", "YYYY-MM-DD");
    assertThat(day.code()).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
    assertThat(day.err()).contains("'2026-02-29' is not a date: 2026-02 has no day 29");
    assertThat(shape.err()).contains("'yesterday' is not a date. Fix: write it as YYYY-MM-DD");
    assertThat(month.err() + day.err() + shape.err())
        .doesNotContain("java.", "Exception", "LocalDate");
  }

  @Test
  void configurationErrorsExitTwoWithoutAStackTrace() throws IOException {
    Files.writeString(
        dir.resolve("bad.yaml"), "inputs:\n  transactions:\n    path: x\ntime_unit: months\n");

    Outcome outcome = idic("status", "--conf", "bad.yaml");

    assertThat(outcome.code()).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
    assertThat(outcome.err())
        .as("relative --conf resolves against the current folder")
        .contains(dir.resolve("bad.yaml").toString())
        .contains("'months' is not an allowed value")
        .contains("--verbose")
        .doesNotContain("\tat ");
    assertThat(idic("--verbose", "status", "--conf", "bad.yaml").err())
        .as("--verbose adds the stack trace")
        .contains("\tat ");
  }

  @Test
  void aMissingInputIsRefusedWithExitThreeBeforeSparkStarts() throws IOException {
    Files.writeString(
        dir.resolve("idic.yaml"),
        "work_dir: work\nwarehouse: warehouse\ninputs:\n  transactions:\n    path: gone.csv\n");

    Outcome outcome =
        idic(List.of(PipelineStages.class), "run", "--conf=idic.yaml", "--as-of=2026-11-22");

    assertThat(outcome.code()).as(outcome.err()).isEqualTo(ExitCode.INPUT_REJECTED.code());
    assertThat(outcome.err())
        .contains("input 'transactions' at " + dir.resolve("gone.csv"), "does not exist")
        .doesNotContain("SQLSTATE", "no Spark expected");
  }

  @Test
  void missingDefaultConfigurationIsExplained() {
    Outcome outcome = idic("status");

    assertThat(outcome.code()).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
    assertThat(outcome.err()).contains("conf/idic.yaml does not exist", "--conf");
  }

  @Test
  void everyRunResultHasItsDocumentedExitCode() {
    assertThat(Result.COMPLETED.exitCode().code()).isEqualTo(0);
    assertThat(Result.ALREADY_DONE.exitCode().code()).as("a no-op is a success").isEqualTo(0);
    assertThat(Result.FAILED.exitCode().code()).isEqualTo(1);
    assertThat(Result.INPUT_REJECTED.exitCode().code()).isEqualTo(3);
    assertThat(Result.ALREADY_RUNNING.exitCode().code()).isEqualTo(4);
  }
}
