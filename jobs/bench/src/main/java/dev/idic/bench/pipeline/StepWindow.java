package dev.idic.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * When one step of the nightly job ran.
 *
 * @param step step name (ingest, features, ...)
 * @param startMillis start, epoch milliseconds
 * @param endMillis end, epoch milliseconds
 */
record StepWindow(String step, long startMillis, long endMillis) {

  double seconds() {
    return (endMillis - startMillis) / 1000.0;
  }

  /**
   * The steps of a completed run from its run manifest ({@code started_at} and {@code
   * stage_seconds}, in step order). Steps run back to back, so each starts where the previous one
   * ended; the few milliseconds the job repository takes between steps fall into the next step.
   * (The manifest, not the H2 job repository: a process that exits right after its last commit can
   * leave the embedded database file without the last step updates.)
   */
  static List<StepWindow> fromManifest(Path manifest) throws IOException {
    JsonNode root = new ObjectMapper().readTree(manifest.toFile());
    long start = Instant.parse(root.path("started_at").asText()).toEpochMilli();
    List<StepWindow> windows = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> stages = root.path("stage_seconds").fields();
    while (stages.hasNext()) {
      Map.Entry<String, JsonNode> stage = stages.next();
      long end = start + Math.round(stage.getValue().asDouble() * 1000);
      windows.add(new StepWindow(stage.getKey(), start, end));
      start = end;
    }
    if (windows.isEmpty()) {
      throw new IOException("The run manifest " + manifest + " lists no stage times");
    }
    return windows;
  }
}
