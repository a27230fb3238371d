package dev.idic.stages.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Replaces one table partition, {@code <warehouse>/<table>/as_of_date=D/}, with a staged folder so
 * that a reader sees the old partition or the new one, never a mix.
 *
 * <p>Protocol, with P the partition, N = {@code .as_of_date=D.new} and O = {@code
 * .as_of_date=D.old} hidden siblings (Spark, Hive and DuckDB skip names starting with {@code .} or
 * {@code _}):
 *
 * <ol>
 *   <li>recover whatever an earlier, interrupted publish left (see below);
 *   <li>move the staged folder to N and write {@code _SUCCESS} into it, last;
 *   <li>rename P to O (if P exists), rename N to P, delete O.
 * </ol>
 *
 * <p>Recovery, run first on every publish: O without P means a crash between the two renames; the
 * swap is finished when N is complete ({@code _SUCCESS} present), else O is renamed back to P. O
 * next to P means only the clean-up was missed: O is deleted. A leftover N is deleted when a fresh
 * staged folder is there to replace it, and used as the staged folder when it is complete and the
 * staged folder is gone (the crash happened after step 2).
 *
 * <p>Guarantee and limits: on file systems with atomic directory rename (local, HDFS, ABFS with
 * hierarchical namespace) a reader listing P finds either the complete old or the complete new
 * files; between the two renames there is a short window in which P does not exist, so a reader may
 * find no partition for D, never a partial one. On object stores without atomic rename (S3 through
 * s3a, GCS) a directory rename copies and deletes object by object, so a concurrent reader can see
 * a mix; there, readers must check {@code _SUCCESS}, or a table format (Iceberg, Delta) should do
 * the commit. Partitions of different tables are replaced one after the other, not together.
 */
public final class PartitionPublisher {

  public static final String SUCCESS_MARKER = "_SUCCESS";

  private final FileSystem fileSystem;

  /**
   * @param fileSystem the file system of the warehouse (staged folders must be on it as well)
   */
  public PartitionPublisher(FileSystem fileSystem) {
    this.fileSystem = fileSystem;
  }

  /**
   * Moves {@code staged} into place as {@code partition} (from {@link
   * dev.idic.stages.contract.RunPaths#published}). The staged folder is consumed (renamed), not
   * copied.
   *
   * @throws IllegalStateException when the staged folder is missing and no complete earlier attempt
   *     is left to finish
   */
  public void publish(Path partition, Path staged) {
    Path incoming = sibling(partition, ".new");
    Path outgoing = sibling(partition, ".old");
    try {
      recover(partition);
      boolean stagedPresent = fileSystem.exists(staged);
      if (fileSystem.exists(incoming)) {
        if (stagedPresent || !complete(incoming)) {
          fileSystem.delete(incoming, true);
        }
      }
      if (!fileSystem.exists(incoming)) {
        if (!stagedPresent) {
          throw new IllegalStateException(
              "Cannot publish "
                  + partition
                  + ": the staged folder "
                  + staged
                  + " does not exist. Run the stages before publish again.");
        }
        fileSystem.mkdirs(partition.getParent());
        rename(staged, incoming);
      }
      fileSystem.create(new Path(incoming, SUCCESS_MARKER), true).close();
      if (fileSystem.exists(partition)) {
        rename(partition, outgoing);
      }
      rename(incoming, partition);
      fileSystem.delete(outgoing, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Publishing " + staged + " to " + partition + " failed", e);
    }
  }

  /**
   * Brings a partition back to a consistent state after an interrupted publish: finishes the swap
   * if the new data is complete, else restores the old partition. Safe to call at any time when no
   * publish of the same partition is running.
   */
  public void recover(Path partition) throws IOException {
    Path incoming = sibling(partition, ".new");
    Path outgoing = sibling(partition, ".old");
    if (!fileSystem.exists(outgoing)) {
      return;
    }
    if (!fileSystem.exists(partition)) {
      if (fileSystem.exists(incoming) && complete(incoming)) {
        rename(incoming, partition);
      } else {
        rename(outgoing, partition);
        return;
      }
    }
    fileSystem.delete(outgoing, true);
  }

  private boolean complete(Path folder) throws IOException {
    return fileSystem.exists(new Path(folder, SUCCESS_MARKER));
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fileSystem.rename(from, to)) {
      throw new IOException("Rename of " + from + " to " + to + " failed");
    }
  }

  private static Path sibling(Path partition, String suffix) {
    return new Path(partition.getParent(), "." + partition.getName() + suffix);
  }
}
