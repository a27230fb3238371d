package dev.idic.batch.testing;

import dev.idic.batch.PipelineStages;
import dev.idic.batch.cli.IdicCli;
import dev.idic.batch.cli.IdicRuntime;
import dev.idic.stages.testing.LocalSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The idic command line inside the test JVM, on the shared test SparkSession: the fast way to run
 * the real job when the test needs no separate process. The clock is fixed at 2026-11-23T20:00Z.
 */
public final class InProcessIdic {

  private final Path directory;
  private final List<Class<?>> stages;
  private final Map<String, String> environment;

  private InProcessIdic(Path directory, List<Class<?>> stages, Map<String, String> environment) {
    this.directory = directory;
    this.stages = List.copyOf(stages);
    this.environment = Map.copyOf(environment);
  }

  /** The production stages. */
  public static InProcessIdic production(Path directory) {
    return new InProcessIdic(directory, List.of(PipelineStages.class), Map.of());
  }

  public static InProcessIdic withStages(Path directory, Class<?>... stages) {
    return new InProcessIdic(directory, List.of(stages), Map.of());
  }

  public InProcessIdic withEnvironment(String name, String value) {
    Map<String, String> changed = new HashMap<>(environment);
    changed.put(name, value);
    return new InProcessIdic(directory, stages, changed);
  }

  /** How a command ended, with what it printed. */
  public record Outcome(int code, String out, String err) {
    public String output() {
      return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  public Outcome execute(String... args) {
    IdicRuntime runtime =
        new IdicRuntime(
            environment,
            directory,
            Clock.fixed(Instant.parse("2026-11-23T20:00:00Z"), ZoneOffset.UTC),
            config -> LocalSpark.session(),
            stages);
    CommandLine commandLine = new IdicCli(runtime).commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }
}
