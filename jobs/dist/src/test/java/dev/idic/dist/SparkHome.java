package dev.idic.dist;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code SPARK_HOME} laid out like a Spark distribution ({@code jars/}, an empty {@code conf/})
 * from the Maven-resolved Spark jars, which the build lists in the file named by the system
 * property {@code idic.spark.classpath.file}. Standalone Workers launch executors with {@code
 * SPARK_HOME/jars/*}, so this folder is what a cluster's Spark installation would be.
 */
record SparkHome(Path dir) {

  static final String CLASSPATH_FILE_PROPERTY = "idic.spark.classpath.file";

  /** Creates the layout under {@code dir}, linking (or, where links fail, copying) each jar. */
  static SparkHome create(Path dir) {
    try {
      Path jars = Files.createDirectories(dir.resolve("jars"));
      Files.createDirectories(dir.resolve("conf"));
      for (Path jar : mavenResolvedSparkJars()) {
        Path link = jars.resolve(jar.getFileName());
        if (Files.notExists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          linkOrCopy(jar, link);
        }
      }
      return new SparkHome(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lay out SPARK_HOME in " + dir, e);
    }
  }

  /** The classpath the {@code spark-class} script would use: every jar in {@code jars/}. */
  String classpath() {
    return dir.resolve("jars") + File.separator + "*";
  }

  Path confDir() {
    return dir.resolve("conf");
  }

  /** The jars of the Spark runtime, as the build resolved them. */
  static List<Path> mavenResolvedSparkJars() throws IOException {
    String listing = System.getProperty(CLASSPATH_FILE_PROPERTY);
    if (listing == null) {
      throw new IllegalStateException(
          "system property "
              + CLASSPATH_FILE_PROPERTY
              + " is not set; run this test through Maven (failsafe passes it from the"
              + " dependency:build-classpath output of jobs/dist)");
    }
    String classpath = Files.readString(Path.of(listing)).strip();
    List<Path> jars =
        Arrays.stream(classpath.split(File.pathSeparator))
            .filter(entry -> entry.endsWith(".jar"))
            .map(Path::of)
            .toList();
    if (jars.stream().noneMatch(jar -> jar.getFileName().toString().startsWith("spark-core_"))) {
      throw new IllegalStateException(
          listing + " lists no spark-core jar; is spark-sql still a provided dependency?");
    }
    return jars;
  }

  private static void linkOrCopy(Path jar, Path link) throws IOException {
    try {
      Files.createSymbolicLink(link, jar);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(jar, link);
    }
  }
}
