package dev.idic.stages.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.RunPaths;
import dev.idic.stages.settings.InputSource;
import dev.idic.stages.settings.PipelineSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * What one run read, did and produced, written as JSON to {@code
 * <warehouse>/_manifests/as_of_date=D/manifest.json}. Keys are snake_case.
 *
 * @param asOfDate the run's as-of date
 * @param status {@value #COMPLETED}, or {@value #INPUT_REJECTED} for a night refused for its input
 *     (then the counts are those of the steps up to the refusing one, and only the quarantine was
 *     published)
 * @param startedAt when the run started
 * @param finishedAt when the run finished
 * @param inputs fingerprints of every input file, by input name (transactions, interactions, ...)
 * @param rowCounts counts per stage, as the stages reported them
 * @param stageSeconds wall time per stage
 * @param settings the settings the run used
 * @param modelResults fitted model parameters and diagnostics, as the models stage reports them
 */
public record RunManifest(
    LocalDate asOfDate,
    String status,
    Instant startedAt,
    Instant finishedAt,
    Map<String, List<FileFingerprint>> inputs,
    Map<String, Map<String, Long>> rowCounts,
    Map<String, Double> stageSeconds,
    PipelineSettings settings,
    Map<String, Object> modelResults) {

  public static final String COMPLETED = "completed";
  public static final String INPUT_REJECTED = "input_rejected";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .build();

  public RunManifest {
    inputs = new LinkedHashMap<>(inputs);
    rowCounts = new LinkedHashMap<>(rowCounts);
    stageSeconds = new LinkedHashMap<>(stageSeconds);
    modelResults = new LinkedHashMap<>(modelResults);
  }

  /**
   * One input file as it was when the run read it.
   *
   * @param path full path
   * @param sizeBytes length in bytes
   * @param modifiedAt modification time
   */
  public record FileFingerprint(String path, long sizeBytes, Instant modifiedAt) {}

  /** The files under an input path (a file or a folder, recursively), in path order. */
  public static List<FileFingerprint> fingerprint(FileSystem fileSystem, String inputPath) {
    List<FileFingerprint> files = new ArrayList<>();
    try {
      RemoteIterator<LocatedFileStatus> listing = fileSystem.listFiles(new Path(inputPath), true);
      while (listing.hasNext()) {
        FileStatus status = listing.next();
        files.add(
            new FileFingerprint(
                status.getPath().toString(),
                status.getLen(),
                Instant.ofEpochMilli(status.getModificationTime())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list input " + inputPath, e);
    }
    files.sort(Comparator.comparing(FileFingerprint::path));
    return files;
  }

  /**
   * Fingerprints of the files of every configured input, by input name, as they are now; the
   * manifest is written at the end of the run, so these are the files the run finished with.
   */
  public static Map<String, List<FileFingerprint>> fingerprints(
      PipelineSettings settings, Configuration hadoop) {
    Map<String, InputSource> inputs = new LinkedHashMap<>();
    inputs.put("transactions", settings.transactions());
    inputs.put("interactions", settings.interactions());
    inputs.put("customers", settings.customers());
    inputs.put("wallet_estimates", settings.walletEstimates());
    Map<String, List<FileFingerprint>> fingerprints = new LinkedHashMap<>();
    inputs.forEach(
        (name, input) -> {
          if (input == null) {
            return;
          }
          try {
            fingerprints.put(
                name, fingerprint(new Path(input.path()).getFileSystem(hadoop), input.path()));
          } catch (IOException e) {
            throw IdicErrors.runFailed(
                "input '" + name + "' at " + input.path(),
                "Cannot read it to fingerprint it for the run manifest: " + e.getMessage(),
                "check that the input is still there and readable",
                e);
          }
        });
    return fingerprints;
  }

  /** The manifest as JSON text. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the manifest to {@link RunPaths#manifest()}: to a hidden temporary file first, then
   * renamed over the previous manifest, so a reader never sees a half-written file.
   */
  public Path writeTo(FileSystem fileSystem, String warehouse) {
    Path target = new Path(new RunPaths(warehouse, asOfDate).manifest());
    Path temporary = new Path(target.getParent(), "." + target.getName() + ".tmp");
    try {
      fileSystem.mkdirs(target.getParent());
      try (OutputStream out = fileSystem.create(temporary, true)) {
        JSON.writeValue(out, this);
      }
      fileSystem.delete(target, false);
      if (!fileSystem.rename(temporary, target)) {
        throw new IOException("Rename of " + temporary + " to " + target + " failed");
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the run manifest " + target, e);
    }
  }
}
