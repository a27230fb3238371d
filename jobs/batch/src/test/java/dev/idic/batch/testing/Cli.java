package dev.idic.batch.testing;

import dev.idic.batch.PipelineStages;
import dev.idic.batch.cli.IdicCli;
import dev.idic.batch.cli.IdicRuntime;
import dev.idic.stages.testing.LocalSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The real {@code idic} command line with the production stages, run in the test JVM on the shared
 * local SparkSession.
 */
public final class Cli {

  /** Exit code and what the command printed. */
  public record Outcome(int code, String out, String err) {}

  private final Path currentDirectory;
  private final Map<String, String> environment;

  public Cli(Path currentDirectory, Map<String, String> environment) {
    this.currentDirectory = currentDirectory;
    this.environment = environment;
  }

  public Outcome idic(String... args) {
    IdicRuntime runtime =
        new IdicRuntime(
            environment,
            currentDirectory,
            Clock.systemUTC(),
            config -> LocalSpark.session(),
            List.of(PipelineStages.class));
    CommandLine commandLine = new IdicCli(runtime).commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }
}
