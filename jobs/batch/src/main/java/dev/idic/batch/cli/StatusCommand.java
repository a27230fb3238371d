package dev.idic.batch.cli;

import dev.idic.batch.config.IdicConfig;
import dev.idic.batch.job.IdicApplication;
import dev.idic.batch.job.RunSummary;
import dev.idic.stages.contract.ExitCode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code idic status}: past runs from the job repository. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Lists past runs from the job repository, newest first.")
final class StatusCommand implements Callable<Integer> {

  // The status column fits the longest status with the forced-rerun star (COMPLETED*, ABANDONED*).
  private static final String ROW = "%-10s  %9s  %-10s  %-19s  %9s  %12s  %12s  %s%n";
  private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description = "Only this as-of date, with every step's counts.")
  LocalDate asOf;

  @Mixin ConfOption conf;

  @ParentCommand IdicCli root;

  @Spec CommandSpec spec;

  @Option(
      names = "--limit",
      description = "Show at most this many runs (default ${DEFAULT-VALUE}).")
  int limit = 30;

  @Override
  public Integer call() {
    IdicConfig config = root.loadConfig(conf.file);
    List<RunSummary> runs;
    try (IdicApplication application =
        IdicApplication.openRepository(config, root.runtime().environment())) {
      runs = application.history().executions();
    }
    PrintWriter out = spec.commandLine().getOut();
    List<RunSummary> shown =
        runs.stream()
            .filter(run -> asOf == null || asOf.equals(run.asOfDate()))
            .limit(limit)
            .toList();
    if (shown.isEmpty()) {
      out.println(asOf == null ? "No runs yet." : "No runs for " + asOf + ".");
      return ExitCode.OK.code();
    }
    out.printf(
        ROW,
        "AS_OF",
        "EXECUTION",
        "STATUS",
        "STARTED",
        "DURATION",
        "ROWS_IN",
        "ROWS_OUT",
        "FAILED_STEP");
    for (RunSummary run : shown) {
      out.printf(
          ROW,
          run.asOfDate(),
          run.executionId(),
          run.status() + (run.forced() ? "*" : ""),
          run.start() == null ? "-" : START.format(run.start()),
          run.duration().map(StatusCommand::format).orElse("-"),
          text(run.rowsIn()),
          text(run.rowsOut()),
          run.failedStep().orElse(""));
      if (asOf != null) {
        run.stepCounts()
            .forEach((step, counts) -> out.println("    " + step + " " + counts(counts)));
      }
    }
    if (shown.stream().anyMatch(RunSummary::forced)) {
      out.println("* forced rerun (--force)");
    }
    return ExitCode.OK.code();
  }

  private static String text(Optional<Long> count) {
    return count.map(String::valueOf).orElse("-");
  }

  private static String counts(Map<String, Long> counts) {
    return counts.isEmpty() ? "(no counts)" : counts.toString();
  }

  private static String format(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds < 60
        ? String.format("%.1fs", duration.toMillis() / 1000.0)
        : String.format("%dm%02ds", seconds / 60, seconds % 60);
  }
}
