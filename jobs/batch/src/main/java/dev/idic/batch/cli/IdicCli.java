package dev.idic.batch.cli;

import dev.idic.batch.config.ConfigLoader;
import dev.idic.batch.config.IdicConfig;
import dev.idic.batch.job.IdicApplication;
import dev.idic.stages.contract.ExitCode;
import dev.idic.stages.contract.IdicException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code idic} command line. Subcommands are listed in the {@link Command} annotation; a new
 * one (demo, backfill, bench) is a class annotated {@code @Command(name = ...)} implementing {@code
 * Callable<Integer>} that reaches shared services through a {@code @ParentCommand IdicCli} field:
 * {@link #loadConfig(Path)}, {@link #open(IdicConfig, PrintWriter)}, {@link #runtime()}. It decides
 * an {@link ExitCode} and returns its {@code code()}; errors a user can fix are thrown as {@link
 * IdicException}s, which end the command with their own exit code.
 */
@Command(
    name = "idic",
    mixinStandardHelpOptions = true,
    versionProvider = IdicVersion.class,
    description = "Nightly customer analytics: RFM, churn, lifetime value and value tiers.",
    subcommands = {
      RunCommand.class,
      DemoCommand.class,
      BackfillCommand.class,
      StatusCommand.class,
      SqlCommand.class,
      CatalogueCommand.class
    })
public final class IdicCli implements Runnable {

  private final IdicRuntime runtime;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public IdicCli(IdicRuntime runtime) {
    this.runtime = runtime;
  }

  public static void main(String[] args) {
    System.exit(new IdicCli(IdicRuntime.production()).execute(args));
  }

  /** Runs a command line and returns its exit code (see {@link ExitCode}). */
  public int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The picocli command line, with idic's error handling; for tests that capture its output. */
  public CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(this);
    // Every date option, in every subcommand, with idic's own wording for a bad date.
    commandLine.registerConverter(LocalDate.class, new IsoDateConverter());
    commandLine.setExecutionExceptionHandler(this::handle);
    commandLine.getCommandSpec().usageMessage().footer(ExitCodeFooter.lines());
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public IdicRuntime runtime() {
    return runtime;
  }

  /**
   * The configuration file to use: the {@code --conf} flag, else {@code IDIC_CONF}, else {@code
   * conf/idic.yaml} under the installation ({@code idic.home}, set by the launcher) or the current
   * folder.
   */
  public IdicConfig loadConfig(Path confFlag) {
    Path file;
    if (confFlag != null) {
      file = runtime.currentDirectory().resolve(confFlag);
    } else if (runtime.environment().containsKey("IDIC_CONF")) {
      file = runtime.currentDirectory().resolve(runtime.environment().get("IDIC_CONF"));
    } else {
      String home = System.getProperty("idic.home");
      Path base = home == null ? runtime.currentDirectory() : Path.of(home);
      file = base.resolve("conf").resolve("idic.yaml");
    }
    return new ConfigLoader(runtime.environment(), runtime.currentDirectory()).load(file);
  }

  /**
   * Opens the job repository and wires the job; the SparkSession starts with the first stage. Each
   * step's progress line goes to {@code console} as the step ends.
   */
  public IdicApplication open(IdicConfig config, PrintWriter console) {
    Supplier<SparkSession> spark = new Once<>(() -> runtime.spark().apply(config.spark()));
    return IdicApplication.open(
        config,
        runtime.environment(),
        spark,
        line -> {
          console.println(line);
          console.flush();
        },
        runtime.stageConfigurations().toArray(Class<?>[]::new));
  }

  private int handle(Exception e, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    ExitCode code;
    if (e instanceof IdicException userError) {
      code = userError.exitCode();
      err.println(e.getMessage());
    } else {
      code = ExitCode.RUN_FAILED;
      err.println("idic failed: " + rootCause(e));
    }
    if (verbose) {
      e.printStackTrace(err);
    } else {
      err.println("(run with --verbose for the stack trace)");
    }
    err.flush();
    return code.code();
  }

  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }

  /** A supplier that computes its value on first use only. */
  private static final class Once<T> implements Supplier<T> {

    private final Supplier<T> delegate;
    private T value;

    Once(Supplier<T> delegate) {
      this.delegate = delegate;
    }

    @Override
    public synchronized T get() {
      if (value == null) {
        value = delegate.get();
      }
      return value;
    }
  }
}
