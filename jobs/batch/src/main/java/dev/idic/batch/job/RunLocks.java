package dev.idic.batch.job;

import dev.idic.stages.contract.IdicErrors;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One lock per as-of date, held while a process runs the date. Holding it tells this process that
 * no other process is running the date, so a job execution the repository still shows as running
 * was left behind by a crash and may be recovered. Both layers die with their process, so a SIGKILL
 * never leaves a stale lock behind:
 *
 * <ul>
 *   <li>an operating-system file lock under {@code <work_dir>/locks}, which covers processes
 *       sharing the work folder;
 *   <li>when the job repository is PostgreSQL, also a session-level advisory lock on a connection
 *       of its own, which covers processes on other hosts or in other containers sharing the
 *       repository. PostgreSQL releases it when the connection closes, which the kernel does when
 *       the process dies.
 * </ul>
 *
 * <p>With the embedded H2 repository (one machine) the file lock is all there is.
 */
public final class RunLocks {

  /** First key of idic's advisory locks; the second is the as-of date's epoch day. */
  private static final int ADVISORY_LOCK_CLASS = 0x1D1C;

  private final Path folder;
  private final Optional<DataSource> repository;

  /** File locks only. */
  public RunLocks(Path workDir) {
    this(workDir, Optional.empty());
  }

  /**
   * @param workDir the work folder, for the file locks
   * @param repository the job repository database, for advisory locks when it is PostgreSQL
   */
  public RunLocks(Path workDir, Optional<DataSource> repository) {
    this.folder = workDir.resolve("locks");
    this.repository = repository;
  }

  /** The lock of a date, or empty when another process (or this one) holds it. */
  public Optional<Held> tryAcquire(LocalDate asOfDate) {
    Path file = folder.resolve("nightly-" + asOfDate + ".lock");
    FileChannel channel = null;
    try {
      Files.createDirectories(folder);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      Advisory advisory = advisoryLock(asOfDate);
      if (!advisory.acquired()) {
        lock.release();
        channel.close();
        return Optional.empty();
      }
      return Optional.of(new Held(channel, lock, advisory));
    } catch (OverlappingFileLockException e) {
      Quietly.close(channel);
      return Optional.empty();
    } catch (IOException e) {
      Quietly.close(channel);
      throw IdicErrors.environment(
          "run lock " + file,
          "cannot be created: " + e.getMessage(),
          "make work_dir writable for this user, or point it elsewhere (work_dir, IDIC_WORK_DIR)",
          e);
    } catch (RuntimeException e) {
      Quietly.close(channel);
      throw e;
    }
  }

  private Advisory advisoryLock(LocalDate asOfDate) {
    if (repository.isEmpty()) {
      return Advisory.NONE;
    }
    Connection connection = null;
    try {
      connection = repository.get().getConnection();
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (!product.contains("postgres")) {
        connection.close();
        return Advisory.NONE;
      }
      try (PreparedStatement statement =
          connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
        statement.setInt(1, ADVISORY_LOCK_CLASS);
        statement.setInt(2, Math.toIntExact(asOfDate.toEpochDay()));
        try (ResultSet result = statement.executeQuery()) {
          result.next();
          if (result.getBoolean(1)) {
            return new Advisory(true, Optional.of(connection));
          }
        }
      }
      connection.close();
      return Advisory.BUSY;
    } catch (SQLException e) {
      Quietly.close(connection);
      throw IdicErrors.environment(
          "job repository",
          "Cannot take the run lock for " + asOfDate + ": " + e.getMessage(),
          "check that the job repository database is running and reachable",
          e);
    }
  }

  /** The advisory lock layer: whether it was acquired, and the connection holding it if any. */
  private record Advisory(boolean acquired, Optional<Connection> connection) {
    static final Advisory NONE = new Advisory(true, Optional.empty());
    static final Advisory BUSY = new Advisory(false, Optional.empty());
  }

  /** A held lock; closing releases it. */
  public static final class Held implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;
    private final Optional<Connection> advisory;

    private Held(FileChannel channel, FileLock lock, Advisory advisory) {
      this.channel = channel;
      this.lock = lock;
      this.advisory = advisory.connection();
    }

    @Override
    public void close() {
      // Closing the session releases its advisory lock.
      advisory.ifPresent(Quietly::close);
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        throw IdicErrors.environment(
            "run lock file",
            "cannot be released: " + e.getMessage(),
            "check work_dir's file system; a lock left behind is freed when this process ends",
            e);
      }
    }
  }
}
