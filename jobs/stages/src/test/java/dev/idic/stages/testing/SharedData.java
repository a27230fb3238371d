package dev.idic.stages.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference data in {@code ../shared/data}. Tests read it from there; when the folder is absent
 * they are skipped with a loud message rather than silently passing.
 */
public final class SharedData {

  private SharedData() {}

  public static Path cdnow() {
    Path dir =
        Path.of(System.getProperty("idic.shared.data", "../../../shared/data"))
            .resolve("cdnow")
            .toAbsolutePath()
            .normalize();
    if (!Files.isDirectory(dir)) {
      System.err.println(
          "\n*** SKIPPING golden test: reference data folder "
              + dir
              + " is absent. Check out ../shared next to the project to run it. ***\n");
    }
    assumeTrue(Files.isDirectory(dir), "reference data folder absent: " + dir);
    return dir;
  }

  public static Path cdnow(String file) {
    return cdnow().resolve(file);
  }
}
