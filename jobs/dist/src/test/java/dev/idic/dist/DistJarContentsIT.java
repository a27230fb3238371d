package dev.idic.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded {@code idic-spark-app.jar} holds IDIC and its own libraries, nothing the cluster's
 * Spark already provides, nor the synthetic data generator, and merges the metadata its libraries
 * register through.
 */
class DistJarContentsIT {

  private static JarFile distJar;

  @BeforeAll
  static void openDistJar() throws IOException {
    distJar = new JarFile(System.getProperty("idic.dist.jar"));
  }

  @AfterAll
  static void closeDistJar() throws IOException {
    distJar.close();
  }

  @Test
  void containsIdicAndItsOwnLibraries() {
    assertThat(classes(distJar))
        .as("classes of IDIC, Spring Batch, picocli, the JDBC drivers and the YAML reader")
        .contains(
            "dev/idic/batch/cli/IdicCli.class",
            "dev/idic/stages/contract/Stage.class",
            "org/springframework/batch/core/job/Job.class",
            "picocli/CommandLine.class",
            "org/h2/Driver.class",
            "org/postgresql/Driver.class",
            "com/fasterxml/jackson/dataformat/yaml/YAMLFactory.class");
  }

  @Test
  void leavesTheSyntheticDataGeneratorOut() {
    assertThat(classes(distJar))
        .as("the stages and the batch job are in the app jar")
        .anyMatch(name -> name.startsWith("dev/idic/stages/"))
        .anyMatch(name -> name.startsWith("dev/idic/batch/"));
    assertThat(distJar.stream().map(ZipEntry::getName))
        .as("no entry of the generator (idic-synth) in the app jar")
        .noneMatch(name -> name.startsWith("dev/idic/synth/"));
  }

  @Test
  void leavesTheDuckDbDriverOut() {
    // About 80 MB of native libraries; publish skips the warehouse catalogue without it.
    assertThat(distJar.stream().map(ZipEntry::getName))
        .as("no entry of the DuckDB JDBC driver in the app jar")
        .noneMatch(name -> name.startsWith("org/duckdb/") || name.contains("libduckdb_java"));
  }

  @Test
  void demoSaysTheGeneratorIsMissingOnTheAppJar() throws Exception {
    String sparkClasspath =
        Files.readString(Path.of(System.getProperty(SparkHome.CLASSPATH_FILE_PROPERTY))).strip();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process demo =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("idic.dist.jar") + File.pathSeparator + sparkClasspath,
                "dev.idic.batch.cli.IdicCli",
                "demo")
            .redirectErrorStream(true)
            .start();
    String output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(demo.waitFor(2, TimeUnit.MINUTES)).as("idic demo on the app jar ends").isTrue();

    assertThat(output)
        .as("what idic demo prints on the app jar")
        .contains("the demo needs the synthetic data generator")
        .contains("run ./idic demo from a checkout")
        .doesNotContain("NoClassDefFoundError");
    assertThat(demo.exitValue()).as("exit code of idic demo on the app jar").isEqualTo(5);
  }

  @Test
  void leavesSparkAndEverythingItBringsToTheCluster() throws IOException {
    Set<String> sparkClasses = new HashSet<>();
    for (Path jar : SparkHome.mavenResolvedSparkJars()) {
      try (JarFile sparkJar = new JarFile(jar.toFile())) {
        sparkClasses.addAll(classes(sparkJar));
      }
    }
    Set<String> shadedClasses = classes(distJar);

    assertThat(shadedClasses)
        .as("no Spark, Scala, Hadoop, Parquet or Jackson core classes in the app jar")
        .noneMatch(
            name ->
                name.startsWith("org/apache/spark/")
                    || name.startsWith("scala/")
                    || name.startsWith("org/apache/hadoop/")
                    || name.startsWith("org/apache/parquet/")
                    || name.startsWith("com/fasterxml/jackson/core/")
                    || name.startsWith("com/fasterxml/jackson/databind/"));
    shadedClasses.retainAll(sparkClasses);
    // spring-aop embeds the AOP Alliance interfaces, which Spark's Jersey (hk2) also carries:
    // the same frozen public API, and spring-aop cannot do without them.
    shadedClasses.removeIf(name -> name.startsWith("org/aopalliance/"));
    assertThat(shadedClasses)
        .as(
            "classes both shaded and on Spark's classpath (exclude them from idic-batch in"
                + " jobs/dist/pom.xml so only Spark's copy is loaded)")
        .isEmpty();
  }

  @Test
  void mergesServiceAndSpringRegistrations() throws IOException {
    assertThat(entry("META-INF/services/java.sql.Driver"))
        .as("JDBC drivers registered for DriverManager")
        .contains("org.h2.Driver", "org.postgresql.Driver");
    assertThat(entry("META-INF/spring.handlers"))
        .as("Spring XML namespace handlers of every Spring jar")
        .contains(
            "http\\://www.springframework.org/schema/batch",
            "http\\://www.springframework.org/schema/context",
            "http\\://www.springframework.org/schema/tx");
    assertThat(distJar.getManifest().getMainAttributes().getValue("Main-Class"))
        .as("main class of the jar")
        .isEqualTo("dev.idic.batch.cli.IdicCli");
  }

  private static String entry(String name) throws IOException {
    ZipEntry entry = distJar.getEntry(name);
    assertThat(entry).as("entry %s in the app jar", name).isNotNull();
    try (InputStream content = distJar.getInputStream(entry)) {
      return new String(content.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Class entries of a jar; module descriptors and multi-release variants are not classes. */
  private static Set<String> classes(JarFile jar) {
    Set<String> names = new HashSet<>();
    jar.stream()
        .map(ZipEntry::getName)
        .filter(name -> name.endsWith(".class"))
        .filter(name -> !name.startsWith("META-INF/") && !name.endsWith("module-info.class"))
        .forEach(names::add);
    return names;
  }
}
