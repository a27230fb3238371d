package dev.idic.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.stages.contract.Dataflow;
import dev.idic.stages.contract.ExitCode;
import dev.idic.stages.contract.StageIo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./idic} launcher in a separate process, on the distribution the package phase built:
 * JVM flags, classpath, logging configuration and exit codes as a user meets them.
 */
class LauncherIT {

  private static final Path ROOT =
      Path.of(System.getProperty("idic.project.root", "../..")).toAbsolutePath().normalize();

  @TempDir Path dir;

  record Outcome(int code, String out, String err) {}

  private Outcome idic(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("idic").toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    int code = process.waitFor();
    return new Outcome(
        code,
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void versionRunsThroughTheLauncher() throws Exception {
    Outcome version = idic("--version");

    assertThat(version.code()).as(version.toString()).isZero();
    assertThat(version.out()).startsWith("idic 0.1.0");
  }

  @Test
  void exitCodesAndMessagesReachTheShell() throws Exception {
    Files.writeString(
        dir.resolve("idic.yaml"),
        "work_dir: work\ninputs:\n  transactions:\n    path: tx.csv\ntiers: {vip_shar: 0.1}\n");

    Outcome invalid = idic("run", "--conf", "idic.yaml");

    assertThat(invalid.code()).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
    assertThat(invalid.err())
        .contains("tiers.vip_shar", "Did you mean 'vip_share'?")
        .doesNotContain("\tat ");
  }

  @Test
  void statusOnAFreshWorkFolderCreatesTheJobRepository() throws Exception {
    Files.writeString(
        dir.resolve("idic.yaml"), "work_dir: work\ninputs:\n  transactions:\n    path: tx.csv\n");

    Outcome status = idic("status", "--conf=idic.yaml");

    assertThat(status.code()).as(status.toString()).isZero();
    assertThat(status.out()).contains("No runs yet.");
    assertThat(dir.resolve("work/job-repository/idic.mv.db")).exists();
  }

  @Test
  void aCompletedRunIsRecordedForTheNextProcess() throws Exception {
    Files.writeString(
        dir.resolve("tx.csv"),
        "transaction_id,customer_id,ts,amount\n"
            + "T1,C1,2026-01-05T10:00:00Z,10.00\n"
            + "T2,C1,2026-03-05T10:00:00Z,20.00\n"
            + "T3,C2,2026-02-05T10:00:00Z,5.00\n"
            + "T4,C3,2026-02-06T10:00:00Z,7.00\n"
            + "T5,C3,2026-04-06T10:00:00Z,8.00\n"
            + "T6,C3,2026-06-06T10:00:00Z,9.00\n");
    Files.writeString(
        dir.resolve("idic.yaml"),
        "work_dir: work\ninputs:\n  transactions:\n    path: tx.csv\n"
            + "tiers: {basis: historical_spend}\nmodels: {fail_on_non_convergence: false}\n");

    Outcome run = idic("run", "--conf=idic.yaml", "--as-of=2026-11-22");
    Outcome status = idic("status", "--conf=idic.yaml");
    Outcome again = idic("run", "--conf=idic.yaml", "--as-of=2026-11-22");

    assertThat(run.code()).as(run.toString()).isZero();
    assertTheConsoleReadsAsANight(run);
    assertThat(status.out())
        .as("the job repository kept the end of the run after its process exited")
        .containsPattern("2026-11-22\\s+1\\s+COMPLETED\\s");
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.out()).as("a rerun in a new process is a no-op").contains("already done");
  }

  /**
   * What a data engineer sees of a night: one line per step as it ends (rows, seconds), the end
   * summary, a note about the absent optional inputs, and none of Spark's or Hadoop's start-up
   * notes or window warnings.
   */
  private static void assertTheConsoleReadsAsANight(Outcome run) {
    List<String> lines = run.out().lines().toList();
    for (StageIo step : Dataflow.NIGHT) {
      Pattern progress = Pattern.compile("^  " + step.stage() + " +\\d+\\.\\d s  (.*)$");
      List<String> stepLines =
          lines.stream().filter(line -> progress.matcher(line).matches()).toList();
      assertThat(stepLines).as("the progress line of step " + step.stage() + "\n" + run).hasSize(1);
      assertThat(stepLines.get(0))
          .as("rows of step " + step.stage())
          .containsPattern(
              step.stage().equals("validation")
                  ? "off \\(validation.holdout is 0\\)"
                  : "\\d rows (in|out)");
    }
    assertThat(run.out())
        .as("the end summary")
        .contains("Run for 2026-11-22 completed")
        .containsPattern("Customers: 3 +quarantined input rows: 0")
        .contains("of value", "of revenue", "(tier basis: historical_spend)")
        .contains("Tables under ", "Marketer lists as CSV under ")
        .as("the absent-input notes")
        .contains("Note: No interactions input (inputs.interactions is not set)")
        .contains("every VIP and")
        .contains("Note: No customers input");
    assertThat(run.out() + run.err())
        .as("no warnings that are not the user's business")
        .doesNotContain("WindowExec", "No Partition Defined")
        .doesNotContain("NativeCodeLoader", "native-hadoop")
        .doesNotContain("loopback", "SPARK_LOCAL_IP");
  }
}
