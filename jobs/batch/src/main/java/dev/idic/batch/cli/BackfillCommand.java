package dev.idic.batch.cli;

import dev.idic.batch.config.IdicConfig;
import dev.idic.batch.job.IdicApplication;
import dev.idic.batch.job.RunMode;
import dev.idic.batch.job.RunOutcome;
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

/**
 * {@code idic backfill}: the nightly job for every as-of date of a range, oldest first, each with
 * the semantics of {@code idic run} (done dates are skipped, failed ones restart at their failed
 * step). It stops at the first date that does not succeed and exits with that date's code, so
 * running the same command again resumes there.
 */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the nightly job for each as-of date from --from to --to (inclusive), in order.",
      "Dates already done are skipped; the first date that fails stops the backfill.",
      "Run the same command again to resume."
    })
final class BackfillCommand implements Callable<Integer> {

  @ParentCommand IdicCli root;

  @Spec CommandSpec spec;

  @Mixin ConfOption conf;

  @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First date.")
  LocalDate from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "Last date, inclusive.")
  LocalDate to;

  @Override
  public Integer call() {
    if (to.isBefore(from)) {
      throw new ParameterException(
          spec.commandLine(),
          "--to " + to + " is before --from " + from + ": give the earlier date as --from.");
    }
    IdicConfig config = root.loadConfig(conf.file);
    ProcessLog.writeTo(config.workDir());
    WritableWarehouse.require(config.pipeline().warehouse());
    PrintWriter out = spec.commandLine().getOut();
    int ran = 0;
    int skipped = 0;
    try (IdicApplication application = root.open(config)) {
      for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
        RunOutcome outcome = application.runner().run(date, RunMode.RESUME);
        int code = ExitCodes.of(outcome.result());
        if (code != ExitCodes.OK) {
          PrintWriter err = spec.commandLine().getErr();
          err.println(outcome.message());
          err.println(
              "Backfill stopped at "
                  + date
                  + " (exit code "
                  + code
                  + "); dates before it are done. Run the same command again to resume at "
                  + date
                  + ".");
          return code;
        }
        out.println(outcome.message());
        if (outcome.result() == RunOutcome.Result.ALREADY_DONE) {
          skipped++;
        } else {
          ran++;
        }
      }
    }
    out.println(
        "Backfill "
            + from
            + " to "
            + to
            + " complete: "
            + ran
            + " date(s) run, "
            + skipped
            + " already done.");
    return ExitCodes.OK;
  }
}
