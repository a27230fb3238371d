package dev.idic.batch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.idic.stages.contract.IdicException;
import dev.idic.stages.settings.ContactSettings;
import dev.idic.stages.settings.InputSource;
import dev.idic.stages.settings.ModelSettings;
import dev.idic.stages.settings.PipelineSettings;
import dev.idic.stages.settings.RfmSettings;
import dev.idic.stages.settings.TierSettings;
import dev.idic.stages.settings.ValidationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code conf/idic.yaml} documents every key with its default, so every value in it must be the
 * default its section owns; the few keys it sets on purpose to something else are listed here.
 * Changing a default without the shipped file (or the other way round) fails this test.
 */
class ShippedConfigTest {

  /** Keys of conf/idic.yaml that differ from the defaults on purpose, and why. */
  private static final Map<String, String> INTENDED_OVERRIDES =
      Map.of(
          "work_dir", "the demo's work folder at the project root, whatever the current folder",
          "time_zone", "the demo data's shops are in Berlin (the default is UTC)",
          "inputs.transactions.path", "required, no default: where idic demo writes its data",
          "spark.conf", "a small shuffle for a laptop (the default is no extra conf)");

  /** Overrides that are paths relative to the shipped file's folder. */
  private static final Set<String> PATH_KEYS = Set.of("work_dir", "inputs.transactions.path");

  /** {@code key: value # ... Default: x.} on one line. */
  private static final Pattern INLINE_DEFAULT =
      Pattern.compile("^\\s*(\\w+):\\s*(\\S+)\\s+#.*Default: (\".*?\"|\\S+?)\\.?(\\s|$)");

  private static final YAMLMapper YAML = new YAMLMapper();

  @TempDir Path dir;

  private final Path shippedFile = projectRoot().resolve("conf").resolve("idic.yaml");

  private IdicConfig load(Path file) {
    return new ConfigLoader(Map.of(), dir).load(file);
  }

  @Test
  void everyShippedValueIsItsSectionsDefault() {
    IdicConfig shipped = load(shippedFile);
    PipelineSettings pipeline = shipped.pipeline();

    assertThat(pipeline.rfm()).as("rfm").isEqualTo(RfmSettings.DEFAULTS);
    assertThat(pipeline.tiers()).as("tiers").isEqualTo(TierSettings.DEFAULTS);
    assertThat(pipeline.models()).as("models").isEqualTo(ModelSettings.DEFAULTS);
    assertThat(pipeline.contact()).as("contact").isEqualTo(ContactSettings.DEFAULTS);
    assertThat(pipeline.validation()).as("validation").isEqualTo(ValidationSettings.OFF);
    assertThat(pipeline.maxRejectRatio())
        .as("max_reject_ratio")
        .isEqualTo(RejectRatioSection.DEFAULT_MAX_REJECT_RATIO);
    assertThat(pipeline.timeUnit()).as("time_unit").isEqualTo(TimeSection.DEFAULT_TIME_UNIT);
    assertThat(pipeline.warehouse())
        .as("warehouse")
        .isEqualTo(
            shipped.workDir().resolve(FoldersSection.DEFAULT_WAREHOUSE_IN_WORK_DIR).toString());
    InputSource transactions = pipeline.transactions();
    assertThat(transactions.format()).as("format").isEqualTo(InputSource.DEFAULT_FORMAT);
    assertThat(transactions.header()).as("header, csv").isTrue();
    assertThat(transactions.delimiter()).as("delimiter").isEqualTo(InputSource.DEFAULT_DELIMITER);
    assertThat(transactions.encoding()).as("encoding").isEqualTo(InputSource.DEFAULT_ENCODING);
    assertThat(shipped.spark().master())
        .as("spark.master")
        .isEqualTo(SparkSection.DEFAULTS.master());
    assertThat(shipped.spark().ui()).as("spark.ui").isEqualTo(SparkSection.DEFAULTS.ui());
    assertThat(shipped.jobRepository())
        .as("job_repository")
        .isEqualTo(
            new JobRepositoryConfig(
                JobRepositorySection.defaultUrl(shipped.workDir()),
                JobRepositorySection.DEFAULT_H2_USERNAME,
                ""));
  }

  @Test
  void theShippedFileLoadsAsItsIntendedOverridesAlone() throws IOException {
    IdicConfig shipped = load(shippedFile);
    ObjectNode tree = (ObjectNode) YAML.readTree(shippedFile.toFile());

    IdicConfig defaults = load(overridesOnly(tree, INTENDED_OVERRIDES.keySet()));

    assertThat(defaults.workDir()).as("work_dir").isEqualTo(shipped.workDir());
    assertThat(defaults.spark()).as("spark").isEqualTo(shipped.spark());
    assertThat(defaults.jobRepository()).as("job_repository").isEqualTo(shipped.jobRepository());
    PipelineSettings expected = shipped.pipeline();
    PipelineSettings actual = defaults.pipeline();
    assertThat(actual.timeZone()).as("time_zone").isEqualTo(expected.timeZone());
    assertThat(actual.timeUnit()).as("time_unit").isEqualTo(expected.timeUnit());
    assertThat(actual.warehouse()).as("warehouse").isEqualTo(expected.warehouse());
    assertThat(actual.transactions()).as("inputs.transactions").isEqualTo(expected.transactions());
    assertThat(actual.interactions()).as("inputs.interactions").isEqualTo(expected.interactions());
    assertThat(actual.customers()).as("inputs.customers").isEqualTo(expected.customers());
    assertThat(actual.walletEstimates())
        .as("inputs.wallet_estimates")
        .isEqualTo(expected.walletEstimates());
    assertThat(actual.maxRejectRatio()).as("max_reject_ratio").isEqualTo(expected.maxRejectRatio());
    assertThat(actual.rfm()).as("rfm").isEqualTo(expected.rfm());
    assertThat(actual.tiers()).as("tiers").isEqualTo(expected.tiers());
    assertThat(actual.models()).as("models").isEqualTo(expected.models());
    assertThat(actual.contact()).as("contact").isEqualTo(expected.contact());
    assertThat(actual.validation()).as("validation").isEqualTo(expected.validation());
  }

  @Test
  void everyIntendedOverrideIsInTheFileAndDiffersFromTheDefault() throws IOException {
    ObjectNode tree = (ObjectNode) YAML.readTree(shippedFile.toFile());
    IdicConfig withAll = load(overridesOnly(tree, INTENDED_OVERRIDES.keySet()));

    for (String key : INTENDED_OVERRIDES.keySet()) {
      assertThat(tree.at(pointer(key)).isMissingNode())
          .as("%s is listed as an intended override but is not in conf/idic.yaml", key)
          .isFalse();
      List<String> others = new ArrayList<>(INTENDED_OVERRIDES.keySet());
      others.remove(key);
      Path without = overridesOnly(tree, others);
      try {
        assertThat(load(without))
            .as("%s is listed as an intended override but equals the default", key)
            .isNotEqualTo(withAll);
      } catch (IdicException required) {
        assertThat(required)
            .as("%s has no default", key)
            .hasMessageContaining("missing required key");
      }
    }
  }

  @Test
  void inlineDefaultCommentsStateTheValueNextToThem() throws IOException {
    List<String> checked = new ArrayList<>();
    for (String line : Files.readAllLines(shippedFile)) {
      Matcher matcher = INLINE_DEFAULT.matcher(line);
      if (matcher.find()) {
        String key = matcher.group(1);
        assertThat(sameValue(matcher.group(2), matcher.group(3)))
            .as(
                "conf/idic.yaml: %s is %s but its comment says Default: %s",
                key, matcher.group(2), matcher.group(3))
            .isTrue();
        checked.add(key);
      }
    }
    assertThat(checked).as("the comments the pattern reads").contains("format", "vip_share");
  }

  @Test
  void everyExampleConfigurationLoads() throws IOException {
    List<Path> examples;
    try (Stream<Path> files = Files.list(projectRoot().resolve("conf").resolve("examples"))) {
      examples = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
    }

    assertThat(examples).as("conf/examples/*.yaml").isNotEmpty();
    for (Path example : examples) {
      assertThatCode(() -> assertThat(load(example).pipeline().transactions()).isNotNull())
          .as(example.toString())
          .doesNotThrowAnyException();
    }
  }

  /** A file with only the given keys of the shipped tree, relative paths made absolute. */
  private Path overridesOnly(ObjectNode shipped, Iterable<String> keys) throws IOException {
    ObjectNode only = YAML.createObjectNode();
    for (String key : keys) {
      JsonNode value = shipped.at(pointer(key));
      if (PATH_KEYS.contains(key)) {
        value =
            TextNode.valueOf(
                shippedFile.getParent().resolve(value.asText()).normalize().toString());
      }
      String[] parts = key.split("\\.");
      ObjectNode parent = only;
      for (int i = 0; i < parts.length - 1; i++) {
        parent =
            parent.has(parts[i]) ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
      }
      parent.set(parts[parts.length - 1], value.deepCopy());
    }
    Path file = Files.createTempFile(dir, "overrides", ".yaml");
    YAML.writeValue(file.toFile(), only);
    return file;
  }

  private static String pointer(String key) {
    return "/" + key.replace('.', '/');
  }

  private static boolean sameValue(String value, String documented) {
    String a = unquoted(value);
    String b = unquoted(documented);
    try {
      return Double.parseDouble(a) == Double.parseDouble(b);
    } catch (NumberFormatException notNumbers) {
      return a.equalsIgnoreCase(b);
    }
  }

  private static String unquoted(String text) {
    return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
        ? text.substring(1, text.length() - 1)
        : text;
  }

  /** The project root: Maven's, else the nearest folder up from here that holds conf/idic.yaml. */
  static Path projectRoot() {
    String maven = System.getProperty("maven.multiModuleProjectDirectory");
    if (maven != null && Files.isRegularFile(Path.of(maven, "conf", "idic.yaml"))) {
      return Path.of(maven).toAbsolutePath().normalize();
    }
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      if (Files.isRegularFile(folder.resolve("conf").resolve("idic.yaml"))
          && Files.isRegularFile(folder.resolve("mvnw"))) {
        return folder;
      }
    }
    throw new AssertionError("no conf/idic.yaml in " + Path.of("").toAbsolutePath() + " or above");
  }
}
