package dev.idic.batch.cli;

import dev.idic.batch.config.IdicConfig;
import dev.idic.batch.job.IdicApplication;
import dev.idic.batch.job.RunMode;
import dev.idic.batch.job.RunOutcome;
import dev.idic.stages.contract.ExitCode;
import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.settings.InputSource;
import dev.idic.stages.settings.PipelineSettings;
import dev.idic.stages.synth.GeneratedData;
import dev.idic.stages.synth.SyntheticDataGenerator;
import dev.idic.stages.synth.SyntheticSpec;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

  @Override
  public Integer call() {
    IdicConfig config = root.loadConfig(conf.file);
    ProcessLog.writeTo(config.workDir());
    LocalDate asOfDate = asOf.resolve(config, root.runtime().clock());
    PrintWriter out = spec.commandLine().getOut();
    SparkSession spark = root.runtime().spark().apply(config.spark());
    String dataDir =
        config.workDir().resolve("demo").resolve("as_of_date=" + asOfDate).toUri().toString();
    out.printf("Generating %,d synthetic customers into %s ...%n", customers, dataDir);
    out.flush();
    GeneratedData data;
    try {
      data =
          SyntheticDataGenerator.generate(
              spark, SyntheticSpec.demo(asOfDate).withCustomers(customers).withSeed(seed), dataDir);
    } catch (UncheckedIOException e) {
      throw IdicErrors.environment(
          "demo data folder " + dataDir,
          "cannot be written: " + e.getMessage(),
          "make work_dir writable or point it elsewhere (work_dir, IDIC_WORK_DIR)",
          e);
    }
    out.printf(
        "  %,d transactions, %,d interactions, %,d customers, %,d wallet estimates%n",
        data.transactionRows(),
        data.interactionRows(),
        data.customerRows(),
        data.walletEstimateRows());

    IdicConfig demoConfig = withInputs(config, data);
    RunOutcome outcome;
    try (IdicApplication application = root.open(demoConfig)) {
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
    new DemoSummary(spark, config.pipeline().warehouse(), asOfDate).print(out);
    return code.code();
  }

  /** The configuration with its inputs replaced by the generated files. */
  private static IdicConfig withInputs(IdicConfig config, GeneratedData data) {
    PipelineSettings p = config.pipeline();
    PipelineSettings demo =
        new PipelineSettings(
            p.timeZone(),
            p.timeUnit(),
            p.warehouse(),
            csv(data.transactions()),
            data.interactions() == null ? null : csv(data.interactions()),
            csv(data.customers()),
            csv(data.walletEstimates()),
            p.maxRejectRatio(),
            p.rfm(),
            p.tiers(),
            p.models(),
            p.contact());
    return new IdicConfig(
        config.source(), config.workDir(), config.spark(), config.jobRepository(), demo);
  }

  private static InputSource csv(String path) {
    return new InputSource(path, "csv", true, ",", List.of(), Map.of(), null, "UTF-8");
  }
}
