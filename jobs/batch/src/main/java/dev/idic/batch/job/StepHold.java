package dev.idic.batch.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * A test-only pause point for fault-injection tests: with {@value #HOLD_AT} set to {@code
 * <step>:before} or {@code <step>:after} and {@value #HOLD_DIR} to a folder, the step writes {@code
 * <step>-<point>.reached} into the folder when it gets there and waits until a file {@code
 * <step>-<point>.release} appears. A test can then kill the process at a known point of a step
 * (before the stage starts, or after it finished its work but before the job repository recorded
 * that). "after" is the harsher point: the stage's output exists but the step counts as unfinished.
 *
 * <p>Inert in production: without both variables it does nothing, and it reads nothing but the
 * environment passed to it.
 */
public final class StepHold {

  public static final String HOLD_AT = "IDIC_TEST_HOLD_AT";
  public static final String HOLD_DIR = "IDIC_TEST_HOLD_DIR";

  /** Where in a step the hold applies. */
  public enum Point {
    BEFORE,
    AFTER
  }

  private final Optional<String> holdAt;
  private final Path folder;

  private StepHold(Optional<String> holdAt, Path folder) {
    this.holdAt = holdAt;
    this.folder = folder;
  }

  /** The hold configured in an environment, inert when either variable is absent. */
  public static StepHold from(Map<String, String> environment) {
    String at = environment.get(HOLD_AT);
    String dir = environment.get(HOLD_DIR);
    if (at == null || at.isBlank() || dir == null || dir.isBlank()) {
      return new StepHold(Optional.empty(), null);
    }
    return new StepHold(Optional.of(at.strip()), Path.of(dir));
  }

  /** Waits here when the hold names this step and point; returns at once otherwise. */
  void at(String step, Point point) {
    String pointName = point.name().toLowerCase(Locale.ROOT);
    if (holdAt.isEmpty() || !holdAt.get().equals(step + ":" + pointName)) {
      return;
    }
    String name = step + "-" + pointName;
    try {
      Files.createDirectories(folder);
      Files.writeString(
          folder.resolve(name + ".reached"), Long.toString(ProcessHandle.current().pid()));
      Path release = folder.resolve(name + ".release");
      while (!Files.exists(release)) {
        LockSupport.parkNanos(50_000_000L);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("test hold " + name + " in " + folder + " failed", e);
    }
  }
}
