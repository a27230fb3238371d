package dev.idic.batch.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.IdicException;
import dev.idic.stages.settings.PipelineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and validates the YAML configuration. Precedence, highest first: command-line flags (the
 * caller passes them as the file and as-of date), environment variables ({@link
 * #ENVIRONMENT_OVERRIDES}), the file, the defaults documented in {@code conf/idic.yaml}. Relative
 * paths in the file resolve against the file's folder; relative paths from the environment or the
 * defaults against the current directory.
 *
 * <p>Every problem is reported as one {@link IdicErrors#invalidConfiguration} error whose message
 * names the file, the key path, the line and column where known, what is wrong and how to fix it.
 * Each section of the file (its defaults, checks and conversion to settings) has a class of its
 * own, such as {@link TiersSection}; this class parses, translates Jackson's errors and assembles
 * the sections.
 */
public final class ConfigLoader {

  /** Environment variables that override a key of the file. */
  public static final Map<String, String> ENVIRONMENT_OVERRIDES =
      Map.of(
          "IDIC_WORK_DIR", "work_dir",
          "IDIC_WAREHOUSE", "warehouse",
          "IDIC_SPARK_MASTER", "spark.master",
          "IDIC_JOB_REPOSITORY_URL", "job_repository.url",
          "IDIC_JOB_REPOSITORY_USERNAME", "job_repository.username");

  private final Map<String, String> environment;
  private final Path currentDirectory;
  private final YAMLFactory yamlFactory =
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private final YAMLMapper mapper =
      YAMLMapper.builder(yamlFactory)
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          // A section whose keys are all commented out reads as empty: treat it as absent.
          .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
          .build();

  /**
   * @param environment the process environment ({@code System.getenv()} in production)
   * @param currentDirectory where relative paths from the environment and defaults resolve
   */
  public ConfigLoader(Map<String, String> environment, Path currentDirectory) {
    this.environment = Map.copyOf(environment);
    this.currentDirectory = currentDirectory.toAbsolutePath().normalize();
  }

  /** Reads, completes and validates a configuration file. */
  public IdicConfig load(Path file) {
    Path source = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(source)) {
      throw IdicErrors.invalidConfiguration(
          "Invalid configuration",
          "the file " + source + " does not exist",
          "pass an existing file with --conf FILE (or set IDIC_CONF); conf/idic.yaml in the"
              + " project is a documented starting point");
    }
    YamlLocations locations = YamlLocations.none();
    RawConfig raw;
    try {
      locations = YamlLocations.scan(yamlFactory, source);
      JsonNode tree = mapper.readTree(source.toFile());
      raw =
          tree == null || tree.isMissingNode() || tree.isNull()
              ? null
              : mapper.readValue(source.toFile(), RawConfig.class);
    } catch (JsonMappingException e) {
      throw translate(source, e, locations);
    } catch (JsonProcessingException e) {
      throw IdicErrors.invalidConfiguration(
          "Invalid configuration in " + source + YamlLocations.format(e.getLocation()),
          "not valid YAML: " + e.getOriginalMessage(),
          "fix the syntax (indentation, colons after keys, quotes around values with special"
              + " characters)",
          e);
    } catch (IOException e) {
      throw IdicErrors.invalidConfiguration(
          "Invalid configuration in " + source,
          "cannot read the file: " + e.getMessage(),
          "check that the file is readable by this user",
          e);
    }
    if (raw == null) {
      throw IdicErrors.invalidConfiguration(
          "Invalid configuration in " + source,
          "the file is empty",
          "it needs at least inputs.transactions.path; see conf/idic.yaml");
    }
    return complete(source, locations, raw);
  }

  /** A binding error as file, key path and line, with the allowed keys or values where known. */
  private static IdicException translate(
      Path source, JsonMappingException e, YamlLocations locations) {
    String path = path(e.getPath());
    String location = locations.describe(path);
    String where =
        "Invalid configuration in "
            + source
            + " at "
            + path
            + (location.isEmpty() ? YamlLocations.format(e.getLocation()) : location);
    if (e instanceof UnrecognizedPropertyException unknown) {
      List<String> known =
          unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
      return IdicErrors.invalidConfiguration(
          where,
          "unknown key '"
              + unknown.getPropertyName()
              + "'."
              + didYouMean(unknown.getPropertyName(), known),
          "use one of the keys allowed here: " + String.join(", ", known),
          e);
    }
    if (e instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
      List<String> allowed =
          Arrays.stream(invalid.getTargetType().getEnumConstants())
              .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
              .toList();
      String typed = String.valueOf(invalid.getValue());
      return IdicErrors.invalidConfiguration(
          where,
          "'" + typed + "' is not an allowed value." + didYouMean(typed, allowed),
          "use one of the allowed values: " + String.join(", ", allowed),
          e);
    }
    if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
      String expected = expected(mismatched.getTargetType());
      return IdicErrors.invalidConfiguration(
          where,
          "expected "
              + expected
              + (e instanceof InvalidFormatException invalid
                  ? " but found '" + invalid.getValue() + "'"
                  : " but found something else"),
          "write " + expected + " here",
          e);
    }
    return IdicErrors.invalidConfiguration(
        where,
        e.getOriginalMessage(),
        "compare the key with its documentation in conf/idic.yaml",
        e);
  }

  private static String didYouMean(String typed, Collection<String> candidates) {
    return Suggestions.closest(typed, candidates)
        .map(name -> " Did you mean '" + name + "'?")
        .orElse("");
  }

  private static String expected(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return type == Integer.class || type == int.class ? "a whole number" : "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a single value (text)";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping of keys to values";
    }
    return "a value of type " + type.getSimpleName();
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "the top level" : path.toString();
  }

  /**
   * The sections complete themselves in the order of the file's documentation, so that a file with
   * several mistakes always reports the same one first.
   */
  private IdicConfig complete(Path source, YamlLocations locations, RawConfig raw) {
    SectionContext context = new SectionContext(source, locations, environment, currentDirectory);
    FoldersSection folders = new FoldersSection(context);
    Path workDir = folders.workDir(raw);
    TimeSection time = new TimeSection(context);
    ZoneId zone = time.timeZone(raw);
    String warehouse = folders.warehouse(raw, workDir);
    InputsSection inputSection = new InputsSection(context);
    RawConfig.Inputs inputs = inputSection.required(raw.inputs());
    double maxRejectRatio = new RejectRatioSection(context).maxRejectRatio(raw);
    PipelineSettings pipeline =
        new PipelineSettings(
            zone,
            time.timeUnit(raw),
            warehouse,
            inputSection.input("inputs.transactions", inputs.transactions()),
            inputSection.input("inputs.interactions", inputs.interactions()),
            inputSection.input("inputs.customers", inputs.customers()),
            inputSection.input("inputs.wallet_estimates", inputs.walletEstimates()),
            maxRejectRatio,
            new RfmSection(context).complete(raw.rfm()),
            new TiersSection(context).complete(raw.tiers()),
            new ModelsSection(context).complete(raw.models()),
            new ContactSection(context).complete(raw.contact()),
            new ValidationSection(context).complete(raw.validation()),
            new HistorySection(context).complete(raw.history()));
    return new IdicConfig(
        source,
        workDir,
        new SparkSection(context).complete(raw.spark()),
        new JobRepositorySection(context).complete(raw.jobRepository(), workDir),
        pipeline);
  }
}
