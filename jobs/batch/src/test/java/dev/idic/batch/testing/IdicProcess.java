package dev.idic.batch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.batch.cli.IdicCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The real idic command line in a separate {@code java} process, on the test runtime classpath and
 * with the test JVM's Spark flags. Output goes to files under the working folder, so a killed
 * process leaves it readable. The environment is the test's environment plus what the test adds.
 */
public final class IdicProcess {

  /** Upper bound on one command, to turn a hang into a failure instead of a stuck build. */
  private static final long SAFETY_LIMIT_MINUTES = 10;

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final Path workingDirectory;
  private final Map<String, String> environment = new HashMap<>();

  public IdicProcess(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
  }

  public IdicProcess withEnvironment(String name, String value) {
    environment.put(name, value);
    return this;
  }

  public IdicProcess withoutEnvironment(String name) {
    environment.remove(name);
    return this;
  }

  /** Runs a command to its end. */
  public Result run(String... args) {
    return start(args).awaitExit();
  }

  /** Starts a command and returns at once. */
  public Running start(String... args) {
    int id = SEQUENCE.incrementAndGet();
    Path out = workingDirectory.resolve("process-" + id + ".out");
    Path err = workingDirectory.resolve("process-" + id + ".err");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(sparkFlags());
    command.add("-Xmx1g");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(classpath());
    command.add(IdicCli.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().putAll(environment);
    try {
      return new Running(builder.start(), out, err, String.join(" ", args));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> sparkFlags() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(
            arg ->
                arg.startsWith("--add-opens")
                    || arg.startsWith("-Djdk.reflect")
                    || arg.startsWith("-Dio.netty"))
        .toList();
  }

  private static String classpath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }

  /** How a finished command ended. */
  public record Result(int code, String out, String err) {

    /** Everything the command printed, for assertion descriptions. */
    public String output() {
      return "exit " + code + "\n--- stdout\n" + tail(out) + "\n--- stderr\n" + tail(err);
    }

    private static String tail(String text) {
      return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
    }
  }

  /** A started command. */
  public static final class Running {

    private final Process process;
    private final Path out;
    private final Path err;
    private final String description;

    private Running(Process process, Path out, Path err, String description) {
      this.process = process;
      this.out = out;
      this.err = err;
      this.description = description;
    }

    public long pid() {
      return process.pid();
    }

    public boolean isAlive() {
      return process.isAlive();
    }

    /** Waits until the file appears; fails when the process ends first. */
    public void awaitFile(Path file) {
      while (!Files.exists(file)) {
        assertThat(process.isAlive())
            .as("'" + description + "' is still running while waiting for " + file + "\n" + read())
            .isTrue();
        LockSupport.parkNanos(100_000_000L);
      }
    }

    /** SIGKILL, as the OOM killer or a node failure would: no shutdown hooks run. */
    public Result kill() {
      process.destroyForcibly();
      return awaitExit();
    }

    public Result awaitExit() {
      try {
        if (!process.waitFor(SAFETY_LIMIT_MINUTES, TimeUnit.MINUTES)) {
          process.destroyForcibly().waitFor();
          throw new AssertionError(
              "'" + description + "' did not end within " + SAFETY_LIMIT_MINUTES + " minutes");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      return read();
    }

    private Result read() {
      try {
        return new Result(
            process.isAlive() ? -1 : process.exitValue(),
            new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
            new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
