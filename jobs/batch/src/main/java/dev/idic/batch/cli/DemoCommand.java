package dev.idic.batch.cli;

import dev.idic.batch.config.IdicConfig;
import dev.idic.batch.job.IdicApplication;
import dev.idic.batch.job.RunMode;
import dev.idic.batch.job.RunOutcome;
import dev.idic.stages.contract.ExitCode;
import dev.idic.stages.contract.IdicErrors;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code idic demo}: generates a seeded synthetic data set under the work folder, runs the nightly
 * job on it for one as-of date and prints what came out. Everything but the inputs comes from the
 * configuration, so the demo shows the effect of tier, model and cadence settings too.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Generates synthetic transactions and interactions, runs the nightly job on them and",
      "prints a summary. Same seed and date, same data; a date already done is not rerun."
    })
final class DemoCommand implements Callable<Integer> {

  /** Named, not referenced, so that this class loads where the generator is absent. */
  private static final String GENERATOR = "dev.idic.synth.SyntheticDataGenerator";

  @ParentCommand IdicCli root;

  @Spec CommandSpec spec;

  @Mixin ConfOption conf;

  @Mixin AsOfOption asOf;

  @Option(
      names = "--customers",
      defaultValue = "5000",
      description =
          "Customers to generate (about 20 transactions each). Default: ${DEFAULT-VALUE}.")
  long customers;

  @Option(names = "--seed", defaultValue = "20261122", description = "Random seed.")
  long seed;

  @Option(names = "--force", description = "Run again even if the date is already done.")
  boolean force;

  @Option(
      names = "--data-until",
      paramLabel = "YYYY-MM-DD",
      description = {
        "Last day of the generated history. Default: the as-of date.",
        "Nights of one data set: --as-of 2026-11-15 --data-until 2026-11-22, then --as-of"
            + " 2026-11-22; the later rows wait for their night."
      })
  LocalDate dataUntil;

  @Override
  public Integer call() {
    requireGenerator(DemoCommand.class.getClassLoader());
    IdicConfig config = root.loadConfig(conf.file);
    ProcessLog.writeTo(config.workDir());
    LocalDate asOfDate = asOf.resolve(config, root.runtime().clock());
    PrintWriter out = spec.commandLine().getOut();
    SparkSession spark = root.runtime().spark().apply(config.spark());
    LocalDate lastDay = dataUntil == null ? asOfDate : dataUntil;
    if (lastDay.isBefore(asOfDate)) {
      throw IdicErrors.invalidConfiguration(
          "--data-until " + lastDay,
          "the generated history would end before the as-of date " + asOfDate,
          "give a date on or after the as-of date, or leave --data-until out");
    }
    // One folder per last day: nights of different as-of dates with one --data-until share it.
    String dataDir =
        config.workDir().resolve("demo").resolve("data_until=" + lastDay).toUri().toString();
    out.printf("Generating %,d synthetic customers into %s ...%n", customers, dataDir);
    out.flush();
    DemoData data;
    try {
      data = DemoData.generate(spark, lastDay, customers, seed, dataDir);
    } catch (UncheckedIOException e) {
      throw UnwritableWorkDir.error("demo data folder " + dataDir, e);
    }
    out.printf("  %s%n", data.counts());

    IdicConfig demoConfig = data.inputsOf(config);
    RunOutcome outcome;
    try (IdicApplication application = root.open(demoConfig, out)) {
      out.printf("Running the nightly job for %s ...%n", asOfDate);
      out.flush();
      outcome = application.runner().run(asOfDate, force ? RunMode.FORCE : RunMode.RESUME);
    }
    ExitCode code = outcome.exitCode();
    if (code != ExitCode.OK) {
      spec.commandLine().getErr().println(outcome.message());
      return code.code();
    }
    out.println(outcome.message());
    new NightSummary(spark, demoConfig.pipeline(), asOfDate).print(out);
    return code.code();
  }

  /**
   * Fails with a clear message where the generator is absent: the spark-submit jar leaves it out,
   * and without this check the demo would end in a NoClassDefFoundError.
   */
  static void requireGenerator(ClassLoader classLoader) {
    try {
      Class.forName(GENERATOR, false, classLoader);
    } catch (ClassNotFoundException e) {
      throw IdicErrors.environment(
          "idic demo",
          "the demo needs the synthetic data generator ("
              + GENERATOR
              + "), which the"
              + " spark-submit jar leaves out",
          "run ./idic demo from a checkout, whose classpath has it",
          e);
    }
  }
}
