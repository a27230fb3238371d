package dev.idic.stages.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idic.stages.settings.InputSource;
import dev.idic.stages.settings.ModelSettings;
import dev.idic.stages.settings.PipelineSettings;
import dev.idic.stages.settings.RfmSettings;
import dev.idic.stages.settings.TierSettings;
import dev.idic.stages.settings.TimeUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunManifestTest {

  @TempDir java.nio.file.Path dir;

  @Test
  void writesFingerprintsCountsSettingsAndModelResultsAsSnakeCaseJson() throws IOException {
    FileSystem local = FileSystem.getLocal(new Configuration()).getRaw();
    java.nio.file.Path inputs = Files.createDirectories(dir.resolve("in"));
    Files.writeString(inputs.resolve("b.csv"), "12345");
    Files.writeString(inputs.resolve("a.csv"), "1");
    String warehouse = dir.resolve("warehouse").toString();
    PipelineSettings settings =
        new PipelineSettings(
            ZoneId.of("Europe/Berlin"),
            TimeUnit.WEEKS,
            warehouse,
            new InputSource(inputs.toString(), "csv", true, ",", null, null, null, null),
            null,
            null,
            null,
            0.05,
            RfmSettings.quintiles(),
            TierSettings.defaults(),
            ModelSettings.defaults(),
            dev.idic.stages.settings.ContactSettings.defaults(),
            dev.idic.stages.settings.ValidationSettings.OFF);
    RunManifest manifest =
        new RunManifest(
            LocalDate.of(2026, 11, 22),
            RunManifest.COMPLETED,
            Instant.parse("2026-11-23T01:00:00Z"),
            Instant.parse("2026-11-23T01:05:00Z"),
            Map.of("transactions", RunManifest.fingerprint(local, inputs.toString())),
            Map.of("ingest", Map.of("rows_in", 6L, "accepted", 5L, "quarantined", 1L)),
            Map.of("ingest", 1.5),
            settings,
            Map.of("bgnbd", Map.of("r", 0.243)));

    Path written = manifest.writeTo(local, warehouse);

    assertThat(written.toString())
        .endsWith("warehouse/_manifests/as_of_date=2026-11-22/manifest.json");
    JsonNode json =
        new ObjectMapper()
            .readTree(Files.readString(java.nio.file.Path.of(written.toUri().getPath())));
    assertThat(json.get("as_of_date").asText()).isEqualTo("2026-11-22");
    assertThat(json.get("finished_at").asText()).isEqualTo("2026-11-23T01:05:00Z");
    JsonNode files = json.get("inputs").get("transactions");
    assertThat(files).as("both files, in path order").hasSize(2);
    assertThat(files.get(0).get("path").asText()).endsWith("a.csv");
    assertThat(files.get(1).get("size_bytes").asLong()).isEqualTo(5);
    assertThat(json.get("row_counts").get("ingest").get("quarantined").asLong()).isEqualTo(1);
    assertThat(json.get("settings").get("time_zone").asText()).isEqualTo("Europe/Berlin");
    assertThat(json.get("settings").get("tiers").get("vip_share").asDouble()).isEqualTo(0.05);
    assertThat(json.get("model_results").get("bgnbd").get("r").asDouble()).isEqualTo(0.243);
    assertThat(Files.list(java.nio.file.Path.of(written.getParent().toUri().getPath())).toList())
        .as("no temporary file left")
        .hasSize(1);
    assertThat(List.of(manifest.writeTo(local, warehouse))).as("rewriting replaces it").hasSize(1);
  }
}
