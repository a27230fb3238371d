package dev.idic.batch.testing;

import dev.idic.stages.testing.LocalSpark;
import dev.idic.synth.SyntheticDataGenerator;
import dev.idic.synth.SyntheticSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A small synthetic data set (the demo generator, 200 customers, every input, a few malformed rows)
 * and a configuration running the real stages on it, in a folder of its own: {@code input/}, {@code
 * idic.yaml}, {@code work/}, {@code warehouse/}. Small on purpose: these tests are about
 * orchestration, not volume.
 */
public final class SampleRun {

  /** The as-of date the sample is generated for. */
  public static final LocalDate AS_OF = LocalDate.parse("2026-11-22");

  private static final long CUSTOMERS = 200;

  private final Path folder;
  private final Path input;

  private SampleRun(Path folder, Path input) {
    this.folder = folder;
    this.input = input;
  }

  /** Generates the input into {@code folder/input} and writes the configuration. */
  public static SampleRun in(Path folder, String... extraConfiguration) {
    Path input = folder.resolve("input");
    generateInput(input);
    return sharingInput(folder, input, extraConfiguration);
  }

  /** A run folder whose configuration reads an input generated elsewhere. */
  public static SampleRun sharingInput(Path folder, Path input, String... extraConfiguration) {
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("idic.yaml"), configuration(input, extraConfiguration));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SampleRun(folder, input);
  }

  /** Writes the sample inputs (transactions, interactions, customers, wallet estimates). */
  public static void generateInput(Path input) {
    SyntheticDataGenerator.generate(
        LocalSpark.session(),
        SyntheticSpec.demo(AS_OF).withCustomers(CUSTOMERS),
        input.toUri().toString(),
        1);
  }

  public Path folder() {
    return folder;
  }

  public Path config() {
    return folder.resolve("idic.yaml");
  }

  /** The transactions input folder. */
  public Path transactions() {
    return input.resolve("transactions");
  }

  public Path warehouse() {
    return folder.resolve("warehouse");
  }

  public Path workDir() {
    return folder.resolve("work");
  }

  /** {@code run --conf=... --as-of=AS_OF} plus extra arguments. */
  public String[] run(String... extra) {
    List<String> args = new ArrayList<>(List.of("run", "--conf=" + config(), "--as-of=" + AS_OF));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  private static String configuration(Path input, String... extra) {
    return """
        work_dir: work
        warehouse: warehouse
        time_zone: Europe/Berlin
        inputs:
          transactions: {path: %1$s/transactions}
          interactions: {path: %1$s/interactions}
          customers: {path: %1$s/customers}
          wallet_estimates: {path: %1$s/wallet_estimates}
        spark:
          master: local[2]
          conf:
            spark.sql.shuffle.partitions: "2"
            spark.ui.enabled: "false"
            spark.driver.host: 127.0.0.1
            spark.driver.bindAddress: 127.0.0.1
        """
            .formatted(input.toAbsolutePath())
        + String.join("\n", extra)
        + "\n";
  }
}
