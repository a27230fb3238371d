package dev.idic.batch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs {@code notebooks/run.py} in a Python virtual environment made from {@code
 * notebooks/requirements.txt}. The environment is kept under {@code target/} with the hash of the
 * requirements it was made from, so a build installs the packages once and a changed requirements
 * file gets a fresh environment. pip uses its own configuration (index, mirror, certificates): the
 * tests name no index.
 */
public final class NotebookRunner {

  private static final long INSTALL_MINUTES = 20;
  private static final long NOTEBOOK_MINUTES = 10;

  private final Path notebooks;
  private final Path venv;

  private NotebookRunner(Path notebooks, Path venv) {
    this.notebooks = notebooks;
    this.venv = venv;
  }

  /** The project's {@code notebooks/} folder, with the environment kept in {@code venv}. */
  public static NotebookRunner of(Path notebooks, Path venv) {
    return new NotebookRunner(notebooks.toAbsolutePath().normalize(), venv.toAbsolutePath());
  }

  /** The notebooks of the project, sorted by name. */
  public List<Path> notebooks() {
    try (Stream<Path> files = Files.list(notebooks)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".ipynb")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Makes the environment unless one made from the same requirements is there. Python is {@code
   * python3} on the PATH, or the system property {@code idic.python}.
   */
  public NotebookRunner ensureEnvironment() throws IOException, InterruptedException {
    Path requirements = notebooks.resolve("requirements.txt");
    String wanted = sha256(Files.readAllBytes(requirements));
    Path stamp = venv.resolve("idic-requirements.sha256");
    if (Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(wanted)) {
      System.out.println("notebooks: reusing the virtual environment " + venv);
      return this;
    }
    deleteRecursively(venv);
    String python = System.getProperty("idic.python", "python3");
    System.out.println(
        "notebooks: creating the virtual environment " + venv + " from " + requirements);
    long start = System.nanoTime();
    check(run(List.of(python, "-m", "venv", venv.toString()), Map.of(), INSTALL_MINUTES));
    check(
        run(
            List.of(python(), "-m", "pip", "install", "--quiet", "-r", requirements.toString()),
            pipRetries(),
            INSTALL_MINUTES));
    Files.writeString(stamp, wanted + "\n");
    System.out.printf(
        "notebooks: virtual environment ready in %.0f s%n", (System.nanoTime() - start) / 1e9);
    return this;
  }

  /**
   * Executes one notebook against a warehouse's newest night, writing the executed copy as HTML
   * into {@code htmlDir}.
   */
  public Result execute(Path notebook, Path warehouse, Path htmlDir)
      throws IOException, InterruptedException {
    return run(
        List.of(
            python(),
            notebooks.resolve("run.py").toString(),
            "--warehouse",
            warehouse.toAbsolutePath().toString(),
            "--html",
            htmlDir.toAbsolutePath().toString(),
            notebook.toAbsolutePath().toString()),
        Map.of(
            // Every table a notebook plots must be there: no quiet skipping in the test suite.
            "IDIC_NOTEBOOKS_STRICT", "1",
            // Caches and settings inside the environment, not in the user's home.
            "MPLCONFIGDIR", venv.resolve("matplotlib").toString(),
            "IPYTHONDIR", venv.resolve("ipython").toString(),
            "JUPYTER_PLATFORM_DIRS", "1",
            "PYTHONIOENCODING", "utf-8"),
        NOTEBOOK_MINUTES);
  }

  /**
   * Where pip's configuration adds a mirror beside an index this machine cannot reach, pip's five
   * retries per package turn a one-minute install into ten: one retry, unless the user set theirs.
   */
  private static Map<String, String> pipRetries() {
    return System.getenv("PIP_RETRIES") == null ? Map.of("PIP_RETRIES", "1") : Map.of();
  }

  /** How a process ended, with its output (stdout and stderr together). */
  public record Result(List<String> command, int exitCode, String output) {
    @Override
    public String toString() {
      return String.join(" ", command) + "\nexit " + exitCode + "\n" + output;
    }
  }

  private String python() {
    boolean windows = System.getProperty("os.name").startsWith("Windows");
    return venv.resolve(windows ? "Scripts/python.exe" : "bin/python").toString();
  }

  private static Result run(List<String> command, Map<String, String> environment, long minutes)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("idic-notebooks", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(new ArrayList<>(command))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
        process.destroyForcibly().waitFor();
        return new Result(
            command, -1, Files.readString(log) + "\n(killed after " + minutes + " minutes)");
      }
      return new Result(command, process.exitValue(), Files.readString(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static void check(Result result) {
    if (result.exitCode() != 0) {
      throw new IllegalStateException(
          "notebooks: could not make the Python environment (python3 3.11+ and pip's configured"
              + " package index are needed): "
              + result);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(path);
      }
    }
  }
}
