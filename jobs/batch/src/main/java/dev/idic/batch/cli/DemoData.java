package dev.idic.batch.cli;

import dev.idic.batch.config.IdicConfig;
import dev.idic.stages.settings.InputSource;
import dev.idic.stages.settings.PipelineSettings;
import dev.idic.synth.GeneratedData;
import dev.idic.synth.SyntheticDataGenerator;
import dev.idic.synth.SyntheticSpec;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The demo's inputs: a seeded synthetic data set and the configuration that reads it. The one class
 * of the CLI that uses the generator, which the spark-submit jar leaves out; {@link DemoCommand}
 * checks the generator is on the classpath before it loads this class.
 */
final class DemoData {

  private final GeneratedData data;

  private DemoData(GeneratedData data) {
    this.data = data;
  }

  static DemoData generate(
      SparkSession spark, LocalDate asOfDate, long customers, long seed, String dataDir) {
    return new DemoData(
        SyntheticDataGenerator.generate(
            spark, SyntheticSpec.demo(asOfDate).withCustomers(customers).withSeed(seed), dataDir));
  }

  /** How many rows of each input were generated, as one line. */
  String counts() {
    return String.format(
        "%,d transactions, %,d interactions, %,d customers, %,d wallet estimates",
        data.transactionRows(),
        data.interactionRows(),
        data.customerRows(),
        data.walletEstimateRows());
  }

  /** The configuration with its inputs replaced by the generated files. */
  IdicConfig inputsOf(IdicConfig config) {
    PipelineSettings demo =
        config
            .pipeline()
            .withInputs(
                csv(data.transactions()),
                data.interactions() == null ? null : csv(data.interactions()),
                csv(data.customers()),
                csv(data.walletEstimates()));
    return new IdicConfig(
        config.source(), config.workDir(), config.spark(), config.jobRepository(), demo);
  }

  private static InputSource csv(String path) {
    return new InputSource(path, "csv", true, ",", List.of(), Map.of(), null, "UTF-8");
  }
}
