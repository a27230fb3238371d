package dev.idic.batch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server on 127.0.0.1 and a free port, started from the machine's binaries
 * ({@code pg_config --bindir}, else {@code /usr/lib/postgresql/15/bin}). {@code initdb} refuses to
 * run as root, so under root the data folder is handed to the unprivileged user {@code nobody} and
 * the server commands run through {@code runuser}. Password authentication (scram-sha-256) is on,
 * so the tests exercise the password path for real. {@link #close()} stops the server immediately
 * and deletes its files; a shutdown hook does the same if the JVM ends without closing it.
 */
public final class PostgresServer implements AutoCloseable {

  public static final String USER = "idic";

  private final Path bin;
  private final Path base;
  private final Optional<String> osUser;
  private final int port;
  private final String password;
  private final Thread shutdownHook;

  private PostgresServer(Path bin, Path base, Optional<String> osUser, int port, String password) {
    this.bin = bin;
    this.base = base;
    this.osUser = osUser;
    this.port = port;
    this.password = password;
    this.shutdownHook = new Thread(this::stop, "stop-test-postgres");
  }

  /** The folder of the PostgreSQL binaries, empty when PostgreSQL is not installed. */
  public static Optional<Path> binaries() {
    List<Path> candidates = new ArrayList<>();
    try {
      Process pgConfig =
          new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
      String out = new String(pgConfig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (pgConfig.waitFor() == 0) {
        candidates.add(Path.of(out.strip()));
      }
    } catch (IOException e) {
      // No pg_config on the PATH: try the Debian location below.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    candidates.add(Path.of("/usr/lib/postgresql/15/bin"));
    return candidates.stream()
        .filter(dir -> Files.isExecutable(dir.resolve("initdb")))
        .filter(dir -> Files.isExecutable(dir.resolve("pg_ctl")))
        .findFirst();
  }

  /** Initialises and starts a server from the given binaries. */
  public static PostgresServer start(Path bin) {
    try {
      Path base = Files.createTempDirectory("idic-pg-");
      boolean root = "root".equals(System.getProperty("user.name"));
      Optional<String> osUser = root ? Optional.of("nobody") : Optional.empty();
      String password = "pw-" + UUID.randomUUID();
      Files.writeString(base.resolve("pwfile"), password + "\n");
      if (osUser.isPresent()) {
        UserPrincipal owner =
            base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(base, owner);
        Files.setOwner(base.resolve("pwfile"), owner);
      }
      PostgresServer server = new PostgresServer(bin, base, osUser, freePort(), password);
      Runtime.getRuntime().addShutdownHook(server.shutdownHook);
      server.initAndStart();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test PostgreSQL server", e);
    }
  }

  private void initAndStart() {
    Path data = base.resolve("data");
    command(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            USER,
            "--auth=scram-sha-256",
            "--pwfile=" + base.resolve("pwfile"),
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync"),
        "initdb");
    command(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            base.resolve("server.log").toString(),
            "-w",
            "-o",
            "-p " + port + " -h 127.0.0.1 -k " + base + " -c fsync=off -c full_page_writes=off",
            "start"),
        "pg_ctl start");
  }

  /** Creates a database owned by {@link #USER} and returns its JDBC URL. */
  public String createDatabase(String name) {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, password);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return url(name);
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public String password() {
    return password;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook stops the server.
    }
    stop();
  }

  private void stop() {
    try {
      if (Files.exists(base.resolve("data/postmaster.pid"))) {
        command(
            List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                base.resolve("data").toString(),
                "-m",
                "immediate",
                "-w",
                "stop"),
            "pg_ctl stop");
      }
    } finally {
      deleteQuietly(base);
    }
  }

  private void command(List<String> command, String what) {
    List<String> full = new ArrayList<>();
    osUser.ifPresent(user -> full.addAll(List.of("runuser", "-u", user, "--")));
    full.addAll(command);
    Path log = base.resolve(what.replace(' ', '-') + ".out");
    try {
      Process process =
          new ProcessBuilder(full)
              .directory(base.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(what + " did not finish within 2 minutes");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            what + " failed with exit code " + process.exitValue() + ":\n" + Files.readString(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(what + " could not be started", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " was interrupted", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Best effort: a temporary folder left behind does no harm.
    }
  }
}
