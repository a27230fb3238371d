package dev.idic.batch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * Points the log file of conf/log4j2.properties at {@code <work_dir>/logs}. The folder is only
 * known once the configuration is read, after logging started, so the property is set and the
 * logging configuration reloaded.
 */
final class ProcessLog {

  static final String LOG_DIR_PROPERTY = "idic.log.dir";

  private ProcessLog() {}

  static void writeTo(Path workDir) {
    Path folder = workDir.resolve("logs");
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw UnwritableWorkDir.error("log folder " + folder + " under work_dir", e);
    }
    if (Objects.equals(System.getProperty(LOG_DIR_PROPERTY), folder.toString())) {
      return;
    }
    System.setProperty(LOG_DIR_PROPERTY, folder.toString());
    if (LogManager.getContext(false) instanceof LoggerContext context) {
      context.reconfigure();
    }
  }
}
