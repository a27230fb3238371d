package dev.idic.stages.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idic.stages.contract.RunPaths;
import dev.idic.stages.contract.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionPublisherTest {

  private static final LocalDate DATE = LocalDate.of(2026, 11, 22);

  @TempDir java.nio.file.Path dir;

  private FileSystem local;
  private String warehouse;
  private java.nio.file.Path partition;

  @BeforeEach
  void setUp() throws IOException {
    local = FileSystem.getLocal(new Configuration()).getRaw();
    warehouse = dir.resolve("warehouse").toString();
    partition = dir.resolve("warehouse/customer_profile/as_of_date=2026-11-22");
  }

  /** A staged table folder holding the given data files. */
  private Path staged(String... files) throws IOException {
    java.nio.file.Path folder = dir.resolve("warehouse/_staging/" + String.join("-", files));
    Files.createDirectories(folder);
    for (String file : files) {
      Files.writeString(folder.resolve(file), file);
    }
    return new Path(folder.toUri());
  }

  /** What a reader listing the partition folder would see (hidden files excluded). */
  private Set<String> visible() throws IOException {
    if (!Files.isDirectory(partition)) {
      return Set.of();
    }
    try (Stream<java.nio.file.Path> files = Files.list(partition)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> !name.startsWith("."))
          .collect(TreeSet::new, Set::add, Set::addAll);
    }
  }

  private Set<String> tableFolder() throws IOException {
    try (Stream<java.nio.file.Path> files = Files.list(partition.getParent())) {
      return files
          .map(file -> file.getFileName().toString())
          .collect(TreeSet::new, Set::add, Set::addAll);
    }
  }

  private void publish(FileSystem fileSystem, Path staged) {
    new PartitionPublisher(fileSystem)
        .publish(
            new Path(new RunPaths(warehouse, DATE).published(Tables.CUSTOMER_PROFILE)), staged);
  }

  @Test
  void firstPublishMovesTheStagedFolderInWithTheMarker() throws IOException {
    Path staged = staged("part-0.parquet", "part-1.parquet");

    publish(local, staged);

    assertThat(visible())
        .as("data files and _SUCCESS")
        .containsExactly("_SUCCESS", "part-0.parquet", "part-1.parquet");
    assertThat(tableFolder())
        .as("no temporary siblings left")
        .containsExactly("as_of_date=2026-11-22");
    assertThat(local.exists(staged)).as("staged folder consumed").isFalse();
  }

  @Test
  void republishReplacesTheWholePartition() throws IOException {
    publish(local, staged("old-0.parquet", "old-1.parquet"));

    publish(local, staged("new-0.parquet"));

    assertThat(visible()).as("no old file survives").containsExactly("_SUCCESS", "new-0.parquet");
    assertThat(tableFolder()).containsExactly("as_of_date=2026-11-22");
  }

  @Test
  void crashBetweenTheRenamesIsFinishedByRecovery() throws IOException {
    publish(local, staged("old.parquet"));
    // Renames: staged -> .new (1), partition -> .old (2), .new -> partition (3).
    FileSystem crashing = new CrashingFileSystem(local, 3);

    assertThatThrownBy(() -> publish(crashing, staged("new.parquet")))
        .hasRootCauseInstanceOf(SimulatedCrash.class);
    assertThat(visible()).as("mid-swap the partition is absent, never mixed").isEmpty();

    new PartitionPublisher(local).recover(new Path(partition.toUri()));

    assertThat(visible())
        .as("the complete new data is swapped in")
        .containsExactly("_SUCCESS", "new.parquet");
    assertThat(tableFolder()).containsExactly("as_of_date=2026-11-22");
  }

  @Test
  void crashBeforeTheSwapKeepsTheOldPartitionAndTheNextPublishWins() throws IOException {
    publish(local, staged("old.parquet"));
    FileSystem crashing = new CrashingFileSystem(local, 2);

    assertThatThrownBy(() -> publish(crashing, staged("new.parquet")))
        .hasRootCauseInstanceOf(SimulatedCrash.class);
    assertThat(visible())
        .as("readers still see the old partition")
        .containsExactly("_SUCCESS", "old.parquet");

    publish(local, staged("newer.parquet"));

    assertThat(visible()).containsExactly("_SUCCESS", "newer.parquet");
    assertThat(tableFolder()).containsExactly("as_of_date=2026-11-22");
  }

  @Test
  void rerunAfterACrashWithTheStagedFolderConsumedFinishesFromTheCompleteTemporary()
      throws IOException {
    publish(local, staged("old.parquet"));
    Path staged = staged("new.parquet");
    FileSystem crashing = new CrashingFileSystem(local, 2);
    assertThatThrownBy(() -> publish(crashing, staged))
        .hasRootCauseInstanceOf(SimulatedCrash.class);
    assertThat(local.exists(staged)).as("the crash happened after staging moved").isFalse();

    publish(local, staged);

    assertThat(visible()).containsExactly("_SUCCESS", "new.parquet");
  }

  @Test
  void recoveryRollsBackWhenTheNewDataIsIncomplete() throws IOException {
    java.nio.file.Path old = partition.resolveSibling(".as_of_date=2026-11-22.old");
    java.nio.file.Path incoming = partition.resolveSibling(".as_of_date=2026-11-22.new");
    Files.createDirectories(old);
    Files.writeString(old.resolve("old.parquet"), "old");
    Files.createDirectories(incoming);
    Files.writeString(incoming.resolve("half.parquet"), "half");

    new PartitionPublisher(local).recover(new Path(partition.toUri()));

    assertThat(visible()).as("old partition restored").containsExactly("old.parquet");
  }

  @Test
  void missingStagedFolderWithNothingToFinishIsExplained() {
    assertThatThrownBy(() -> publish(local, new Path(dir.resolve("nowhere").toUri())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("customer_profile")
        .hasMessageContaining("does not exist");
  }

  /** Thrown in place of the n-th rename, as if the process died right there. */
  static final class SimulatedCrash extends IOException {
    SimulatedCrash(String message) {
      super(message);
    }
  }

  /** Fails the n-th rename (1-based) without doing it. */
  static final class CrashingFileSystem extends FilterFileSystem {

    private final int crashAt;
    private int renames;

    CrashingFileSystem(FileSystem delegate, int crashAt) {
      super(delegate);
      this.crashAt = crashAt;
    }

    @Override
    public boolean rename(Path from, Path to) throws IOException {
      renames++;
      if (renames == crashAt) {
        throw new SimulatedCrash("crash before rename " + renames + ": " + from + " -> " + to);
      }
      return super.rename(from, to);
    }
  }
}
