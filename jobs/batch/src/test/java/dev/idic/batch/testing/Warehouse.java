package dev.idic.batch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.stages.testing.LocalSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** What a reader of the warehouse sees: published tables, their partitions and content. */
public final class Warehouse {

  /** Wall-clock measurements: they differ between runs by nature and are not content. */
  public static final Set<String> TIMING_COLUMNS = Set.of("fit_seconds");

  private final Path root;

  public Warehouse(Path root) {
    this.root = root;
  }

  /** Table folders a reader sees (names starting with '_' or '.' are hidden). */
  public List<String> tables() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(root)) {
      return children
          .filter(Files::isDirectory)
          .map(path -> path.getFileName().toString())
          .filter(Warehouse::visible)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path partition(String table, LocalDate asOfDate) {
    return root.resolve(table).resolve("as_of_date=" + asOfDate);
  }

  /**
   * The content of every published table's partition for a date, as sorted row texts (order does
   * not matter to a reader), without {@link #TIMING_COLUMNS}. Also checks each partition as a
   * reader would: complete ({@code _SUCCESS}) and made only of data files, no partial or temporary
   * file visible.
   */
  public Map<String, List<String>> content(LocalDate asOfDate) {
    Map<String, List<String>> content = new TreeMap<>();
    for (String table : tables()) {
      Path partition = partition(table, asOfDate);
      if (!Files.isDirectory(partition)) {
        continue;
      }
      assertThat(partition.resolve("_SUCCESS"))
          .as("published partition %s is marked complete", partition)
          .exists();
      List<String> visible = visibleFiles(partition);
      assertThat(visible)
          .as("only finished data files are visible in %s", partition)
          .allMatch(name -> name.endsWith(".parquet") || name.endsWith(".csv"));
      if (visible.stream().allMatch(name -> name.endsWith(".csv"))) {
        content.put(table, csvLines(partition, visible));
        continue;
      }
      Dataset<Row> tableDF = LocalSpark.session().read().parquet(partition.toString());
      for (String timing : TIMING_COLUMNS) {
        tableDF = tableDF.drop(timing);
      }
      List<Row> rows = tableDF.collectAsList();
      content.put(table, rows.stream().map(Row::toString).sorted().toList());
    }
    return content;
  }

  private static List<String> csvLines(Path partition, List<String> files) {
    return files.stream()
        .flatMap(
            file -> {
              try {
                return Files.readAllLines(partition.resolve(file)).stream();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .sorted()
        .toList();
  }

  private static List<String> visibleFiles(Path partition) {
    try (Stream<Path> files = Files.walk(partition)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> visiblePath(partition.relativize(file)))
          .map(file -> partition.relativize(file).toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean visiblePath(Path relative) {
    for (Path part : relative) {
      if (!visible(part.toString())) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(String name) {
    return !name.startsWith("_") && !name.startsWith(".");
  }
}
