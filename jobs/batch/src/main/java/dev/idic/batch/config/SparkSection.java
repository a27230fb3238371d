package dev.idic.batch.config;

import static dev.idic.batch.config.SectionContext.orDefault;

import java.util.Map;

/** The {@code spark} section; {@code IDIC_SPARK_MASTER} overrides the master. */
final class SparkSection {

  /**
   * In-process Spark on every core, without its web UI: what {@code ./idic run} needs on one
   * machine. The UI costs start-up time and a port, and a nightly job has no one watching it.
   */
  static final SparkConfig DEFAULTS = new SparkConfig("local[*]", false, Map.of());

  private final SectionContext context;

  SparkSection(SectionContext context) {
    this.context = context;
  }

  SparkConfig complete(RawConfig.Spark raw) {
    String master = context.override("spark.master").orElse(raw == null ? null : raw.master());
    master = orDefault(master, DEFAULTS.master());
    if (master.isBlank()) {
      throw context.invalid(
          "spark.master", "is empty", "use local[*] or a cluster URL such as spark://host:7077");
    }
    Boolean ui = raw == null ? null : raw.ui();
    Map<String, String> conf = raw == null ? null : raw.conf();
    return new SparkConfig(master, orDefault(ui, DEFAULTS.ui()), orDefault(conf, DEFAULTS.conf()));
  }
}
