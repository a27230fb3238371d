package dev.idic.batch.cli;

import dev.idic.batch.config.IdicConfig;
import dev.idic.batch.job.IdicApplication;
import dev.idic.batch.job.NightlyRunner;
import dev.idic.batch.job.RunMode;
import dev.idic.batch.job.RunOutcome;
import dev.idic.stages.contract.ExitCode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code idic backfill}: every as-of date of a range, in order, with the semantics of run. */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the nightly job for each as-of date from --from to --to, oldest first.",
      "Dates already done are skipped; the first failure stops the backfill with its exit code.",
      "Running the same command again resumes where it stopped."
    })
final class BackfillCommand implements Callable<Integer> {

  @ParentCommand IdicCli root;

  @Spec CommandSpec spec;

  private static final String DATE = "YYYY-MM-DD";

  @Mixin ConfOption conf;

  @Option(names = "--from", required = true, paramLabel = DATE, description = "First date.")
  LocalDate from;

  @Option(names = "--to", required = true, paramLabel = DATE, description = "Last date.")
  LocalDate to;

  @Override
  public Integer call() {
    if (to.isBefore(from)) {
      throw new ParameterException(
          spec.commandLine(), "--to " + to + " is before --from " + from + "; swap them.");
    }
    IdicConfig config = root.loadConfig(conf.file);
    ProcessLog.writeTo(config.workDir());
    WritableWarehouse.require(config.pipeline().warehouse());
    PrintWriter out = spec.commandLine().getOut();
    boolean ranANight = false;
    try (IdicApplication application = root.open(config, out)) {
      NightlyRunner runner = application.runner();
      for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
        out.printf("Running the nightly job for %s ...%n", date);
        out.flush();
        RunOutcome outcome = runner.run(date, RunMode.RESUME);
        ranANight |= outcome.result() == RunOutcome.Result.COMPLETED;
        ExitCode code = outcome.exitCode();
        if (code != ExitCode.OK) {
          spec.commandLine()
              .getErr()
              .println(
                  "Backfill stopped at "
                      + date
                      + ": "
                      + outcome.message()
                      + " Run the same backfill again to resume from "
                      + date
                      + ".");
          return code.code();
        }
        out.println(outcome.message());
      }
    }
    out.println("Backfill " + from + " to " + to + " complete.");
    if (ranANight) {
      // The last night stands for the range: a summary per night would bury the progress lines.
      NightSummary.of(root, config, to).print(out);
    }
    return ExitCode.OK.code();
  }
}
