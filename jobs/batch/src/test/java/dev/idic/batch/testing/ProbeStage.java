package dev.idic.batch.testing;

import dev.idic.stages.contract.InputRejectedException;
import dev.idic.stages.contract.RejectedInput;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.Stage;
import dev.idic.stages.contract.StageIo;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.contract.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fake stage for orchestration tests. Each call runs one small Spark action and leaves a file
 * under {@code <warehouse>/_calls/} recording the Spark job group it ran under, so tests count
 * calls across processes and contexts without static state. A file {@code
 * <warehouse>/_faults/<name>} makes it fail (content "reject" makes it reject its input).
 */
public final class ProbeStage implements Stage {

  private final StageIo io;

  /** A fake with the name and declared tables of a real stage, so the job orders it the same. */
  public ProbeStage(StageIo io) {
    this.io = io;
  }

  @Override
  public StageIo io() {
    return io;
  }

  @Override
  public StageReport run(RunContext context) {
    String name = name();
    Path warehouse = Path.of(context.settings().warehouse());
    Path fault = warehouse.resolve("_faults").resolve(name);
    long rows = context.spark().range(0, 10 + name.length()).count();
    String jobGroup = context.spark().sparkContext().getLocalProperty("spark.jobGroup.id");
    try {
      Files.createDirectories(warehouse.resolve("_calls"));
      Files.writeString(
          warehouse.resolve("_calls").resolve(name + "-" + UUID.randomUUID()),
          jobGroup + "\n" + context.asOfDate());
      if (Files.exists(fault)) {
        if (Files.readString(fault).strip().equals("reject")) {
          throw new InputRejectedException(
              List.of(
                  new RejectedInput(
                      "transactions",
                      "/data/tx.csv",
                      100,
                      40,
                      0.05,
                      Map.of(
                          "unparseable_amount",
                          new RejectedInput.Reason(30, List.of("2", "5-6")),
                          "missing_id",
                          new RejectedInput.Reason(10, List.of())))),
              "The quarantined records are at " + context.paths().staged(Tables.QUARANTINE) + ".",
              StageReport.of(Map.of("rows_in", 100L)));
        }
        throw new IllegalStateException("injected failure in " + name);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    if (name.equals("ingest")) {
      counts.put("rows_in", rows);
    }
    counts.put("rows_out", rows);
    Map<String, Object> details =
        name.equals("models") ? Map.of("bgnbd", Map.of("r", 0.243, "converged", true)) : Map.of();
    return new StageReport(counts, details, List.of());
  }

  /** How many times each stage ran against a warehouse, and under which job groups. */
  public static Map<String, Long> calls(Path warehouse) throws IOException {
    Path folder = warehouse.resolve("_calls");
    Map<String, Long> calls = new LinkedHashMap<>();
    if (!Files.isDirectory(folder)) {
      return calls;
    }
    try (var files = Files.list(folder)) {
      files
          .map(file -> file.getFileName().toString().replaceFirst("-[0-9a-f-]{36}$", ""))
          .sorted()
          .forEach(stage -> calls.merge(stage, 1L, Long::sum));
    }
    return calls;
  }

  /** The as-of dates a stage ran for, in sorted order, one entry per call. */
  public static List<String> datesOf(Path warehouse, String stage) throws IOException {
    Path folder = warehouse.resolve("_calls");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (var files = Files.list(folder)) {
      return files
          .filter(file -> file.getFileName().toString().startsWith(stage + "-"))
          .map(
              file -> {
                try {
                  return Files.readAllLines(file).get(1);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sorted()
          .toList();
    }
  }

  /** The job groups the stage's calls ran under. */
  public static List<String> jobGroups(Path warehouse) throws IOException {
    try (var files = Files.list(warehouse.resolve("_calls"))) {
      return files
          .map(
              file -> {
                try {
                  return file.getFileName().toString().replaceFirst("-[0-9a-f-]{36}$", "")
                      + "="
                      + Files.readAllLines(file).get(0);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .distinct()
          .sorted()
          .toList();
    }
  }
}
