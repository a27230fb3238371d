package dev.idic.batch.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One operating-system file lock per as-of date under {@code <work_dir>/locks}. Holding it tells
 * this process that no other process on this work folder is running the date, so a job execution
 * the repository still shows as running was left behind by a crash and may be recovered. The lock
 * dies with its process, so a SIGKILL never leaves a stale lock behind.
 *
 * <p>Limit: the lock only covers processes that share the work folder. Runs for the same date from
 * different machines are kept apart by the job repository alone, which refuses a second execution
 * while one is marked running.
 */
public final class RunLocks {

  private final Path folder;

  public RunLocks(Path workDir) {
    this.folder = workDir.resolve("locks");
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
      return Optional.of(new Held(channel, lock));
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      return Optional.empty();
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException(
          "Cannot create the run lock " + file + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing a lock file we failed to lock; nothing to recover.
    }
  }

  /** A held lock; closing releases it. */
  public static final class Held implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private Held(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    @Override
    public void close() {
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
