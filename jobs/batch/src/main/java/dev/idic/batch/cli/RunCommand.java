package dev.idic.batch.cli;

import dev.idic.batch.config.IdicConfig;
import dev.idic.batch.job.IdicApplication;
import dev.idic.batch.job.RunMode;
import dev.idic.batch.job.RunOutcome;
import dev.idic.batch.job.RunOutcome.Result;
import dev.idic.stages.contract.ExitCode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code idic run}: the nightly job for one as-of date. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the nightly job for one as-of date.",
      "A date already done is a no-op (exit 0); a failed date restarts at its failed step."
    })
final class RunCommand implements Callable<Integer> {

  @ParentCommand IdicCli root;

  @Spec CommandSpec spec;

  @Mixin ConfOption conf;

  @Mixin AsOfOption asOf;

  @Mixin CompareToOption compareTo;

  @Option(names = "--force", description = "Run again even if the date is already done.")
  boolean force;

  @Override
  public Integer call() {
    IdicConfig loaded = root.loadConfig(conf.file);
    ProcessLog.writeTo(loaded.workDir());
    LocalDate asOfDate = asOf.resolve(loaded, root.runtime().clock());
    IdicConfig config = compareTo.apply(loaded, asOfDate);
    WritableWarehouse.require(config.pipeline().warehouse());
    PrintWriter out = spec.commandLine().getOut();
    RunOutcome outcome;
    try (IdicApplication application = root.open(config, out)) {
      Runnable preflight =
          application.readsInputs() ? () -> InputPreflight.check(config.pipeline()) : () -> {};
      out.printf("Running the nightly job for %s ...%n", asOfDate);
      out.flush();
      outcome =
          application.runner().run(asOfDate, force ? RunMode.FORCE : RunMode.RESUME, preflight);
    }
    ExitCode code = outcome.exitCode();
    if (code != ExitCode.OK) {
      spec.commandLine().getErr().println(outcome.message());
      return code.code();
    }
    out.println(outcome.message());
    if (outcome.result() == Result.COMPLETED) {
      NightSummary.of(root, config, asOfDate).print(out);
    }
    return code.code();
  }
}
