package dev.idic.dist;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An application to submit with spark-submit: the app jar (shipped to the executors), its main
 * class, its arguments, and Spark settings beyond the cluster's defaults.
 *
 * @param jar the application jar, for IDIC the shaded {@code idic-spark-app.jar}
 * @param mainClass the class spark-submit runs as the driver
 * @param args the application's own arguments
 * @param conf extra {@code --conf key=value} settings; they override the cluster's defaults
 */
public record SparkApp(Path jar, String mainClass, List<String> args, Map<String, String> conf) {

  public SparkApp {
    args = List.copyOf(args);
    conf = Map.copyOf(conf);
  }

  public SparkApp(Path jar, String mainClass, List<String> args) {
    this(jar, mainClass, args, Map.of());
  }

  /** This application with {@code moreConf} added to its settings (they win on equal keys). */
  public SparkApp withConf(Map<String, String> moreConf) {
    Map<String, String> merged = new HashMap<>(conf);
    merged.putAll(moreConf);
    return new SparkApp(jar, mainClass, args, merged);
  }
}
