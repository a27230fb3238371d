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
import dev.idic.stages.settings.ContactSettings;
import dev.idic.stages.settings.InputSource;
import dev.idic.stages.settings.ModelSettings;
import dev.idic.stages.settings.PipelineSettings;
import dev.idic.stages.settings.RfmSettings;
import dev.idic.stages.settings.TierSettings;
import dev.idic.stages.settings.TimeUnit;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and validates the YAML configuration. Precedence, highest first: command-line flags (the
 * caller passes them as the file and as-of date), environment variables ({@link
 * #ENVIRONMENT_OVERRIDES}), the file, the defaults documented in {@code conf/idic.yaml}. Relative
 * paths in the file resolve against the file's folder; relative paths from the environment or the
 * defaults against the current directory.
 *
 * <p>Every problem is reported as one {@link ConfigException} whose message names the file, the key
 * path, the line and column where known, what is wrong and how to fix it.
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

  static final String DEFAULT_WORK_DIR = "idic-work";
  static final String DEFAULT_SPARK_MASTER = "local[*]";
  static final double DEFAULT_MAX_REJECT_RATIO = 0.05;

  private static final Pattern URI_WITH_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");

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
      throw new ConfigException(
          "Configuration file "
              + source
              + " does not exist. Pass an existing file with --conf FILE (or set IDIC_CONF);"
              + " conf/idic.yaml in the project is a documented starting point.");
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
      throw new ConfigException(describe(source, e, locations), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          "Configuration file "
              + source
              + " is not valid YAML"
              + YamlLocations.format(e.getLocation())
              + ": "
              + e.getOriginalMessage()
              + ". Fix the syntax (indentation, colons after keys, quotes around values with"
              + " special characters).",
          e);
    } catch (IOException e) {
      throw new ConfigException(
          "Cannot read configuration file " + source + ": " + e.getMessage(), e);
    }
    if (raw == null) {
      throw new ConfigException(
          "Configuration file "
              + source
              + " is empty. It needs at least inputs.transactions.path; see conf/idic.yaml.");
    }
    return new Completion(source, locations).complete(raw);
  }

  private String describe(Path source, JsonMappingException e, YamlLocations locations) {
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
      String suggestion =
          Suggestions.closest(unknown.getPropertyName(), known)
              .map(name -> " Did you mean '" + name + "'?")
              .orElse("");
      return where
          + ": unknown key '"
          + unknown.getPropertyName()
          + "'."
          + suggestion
          + " Keys allowed here: "
          + String.join(", ", known)
          + ".";
    }
    if (e instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
      List<String> allowed =
          Arrays.stream(invalid.getTargetType().getEnumConstants())
              .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
              .toList();
      String typed = String.valueOf(invalid.getValue());
      String suggestion =
          Suggestions.closest(typed, allowed)
              .map(name -> " Did you mean '" + name + "'?")
              .orElse("");
      return where
          + ": '"
          + typed
          + "' is not an allowed value."
          + suggestion
          + " Allowed values: "
          + String.join(", ", allowed)
          + ".";
    }
    if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
      return where
          + ": expected "
          + expected(mismatched.getTargetType())
          + (e instanceof InvalidFormatException invalid
              ? " but found '" + invalid.getValue() + "'"
              : " but found something else")
          + ". Fix the value's type.";
    }
    return where + ": " + e.getOriginalMessage();
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

  /** Defaults, environment overrides and the checks Jackson cannot do, for one file. */
  private final class Completion {

    private final Path source;
    private final Path folder;
    private final YamlLocations locations;

    Completion(Path source, YamlLocations locations) {
      this.source = source;
      this.folder = source.getParent();
      this.locations = locations;
    }

    IdicConfig complete(RawConfig raw) {
      Path workDir =
          Path.of(
              resolved(
                  "work_dir",
                  raw.workDir(),
                  currentDirectory.resolve(DEFAULT_WORK_DIR).toString()));
      ZoneId zone = zone(orDefault(raw.timeZone(), "UTC"));
      String warehouse =
          resolved("warehouse", raw.warehouse(), workDir.resolve("warehouse").toString());
      RawConfig.Inputs inputs = raw.inputs();
      if (inputs == null || inputs.transactions() == null) {
        throw missing(
            "inputs.transactions",
            "add an inputs.transactions section with at least path and format");
      }
      double maxRejectRatio = orDefault(raw.maxRejectRatio(), DEFAULT_MAX_REJECT_RATIO);
      requireRange("max_reject_ratio", maxRejectRatio, 0.0, 1.0);
      PipelineSettings pipeline =
          new PipelineSettings(
              zone,
              orDefault(raw.timeUnit(), TimeUnit.DAYS),
              warehouse,
              input("inputs.transactions", inputs.transactions()),
              input("inputs.interactions", inputs.interactions()),
              input("inputs.customers", inputs.customers()),
              input("inputs.wallet_estimates", inputs.walletEstimates()),
              maxRejectRatio,
              rfm(raw.rfm()),
              tiers(raw.tiers()),
              models(raw.models()),
              contact(raw.contact()));
      return new IdicConfig(
          source,
          workDir,
          spark(raw.spark()),
          jobRepository(raw.jobRepository(), workDir),
          pipeline);
    }

    private InputSource input(String key, RawConfig.Input raw) {
      if (raw == null) {
        return null;
      }
      if (raw.path() == null || raw.path().isBlank()) {
        throw missing(key + ".path", "set it to the input file or folder");
      }
      InputFormat format = orDefault(raw.format(), InputFormat.CSV);
      boolean header = orDefault(raw.header(), format == InputFormat.CSV);
      List<String> columnNames = orDefault(raw.columnNames(), List.of());
      boolean textWithoutHeader =
          format == InputFormat.WHITESPACE || format == InputFormat.CSV && !header;
      if (textWithoutHeader && columnNames.isEmpty()) {
        throw invalid(
            key + ".column_names",
            "a " + format.id() + " file without a header line needs its column names",
            "list them in file order, for example column_names: [customer_id, date, quantity,"
                + " amount]");
      }
      String delimiter = orDefault(raw.delimiter(), ",");
      if (delimiter.isEmpty()) {
        throw invalid(
            key + ".delimiter", "the delimiter is empty", "use a character such as ',' or ';'");
      }
      String encoding = orDefault(raw.encoding(), "UTF-8");
      if (!Charset.isSupported(encoding)) {
        throw invalid(
            key + ".encoding",
            "'" + encoding + "' is not a character set this Java knows",
            "use a name such as UTF-8, ISO-8859-1 or windows-1252");
      }
      if (raw.timestampFormat() != null) {
        try {
          DateTimeFormatter.ofPattern(raw.timestampFormat());
        } catch (IllegalArgumentException e) {
          throw invalid(
              key + ".timestamp_format",
              "'" + raw.timestampFormat() + "' is not a date-time pattern (" + e.getMessage() + ")",
              "use a pattern such as yyyyMMdd or yyyy-MM-dd HH:mm:ss");
        }
      }
      return new InputSource(
          resolved(key + ".path", raw.path(), null),
          format.id(),
          header,
          delimiter,
          columnNames,
          raw.columns(),
          raw.timestampFormat(),
          encoding);
    }

    private RfmSettings rfm(RawConfig.Rfm raw) {
      if (raw == null) {
        return RfmSettings.quintiles();
      }
      return new RfmSettings(
          cuts("rfm.recency_cuts_days", raw.recencyCutsDays()),
          cuts("rfm.frequency_cuts", raw.frequencyCuts()),
          cuts("rfm.monetary_cuts", raw.monetaryCuts()));
    }

    private List<Double> cuts(String key, List<Double> cuts) {
      if (cuts == null || cuts.isEmpty()) {
        return List.of();
      }
      boolean ascending = true;
      for (int i = 1; i < cuts.size(); i++) {
        ascending &=
            cuts.get(i - 1) != null && cuts.get(i) != null && cuts.get(i - 1) < cuts.get(i);
      }
      if (cuts.size() != 4 || !ascending || cuts.contains(null)) {
        throw invalid(
            key,
            "custom cut points must be exactly four strictly ascending numbers, got " + cuts,
            "give four values such as [30, 90, 180, 365], or remove the key to use quintiles");
      }
      return cuts;
    }

    private TierSettings tiers(RawConfig.Tiers raw) {
      TierSettings defaults = TierSettings.defaults();
      if (raw == null) {
        return defaults;
      }
      TierSettings tiers =
          new TierSettings(
              orDefault(raw.basis(), defaults.basis()),
              orDefault(raw.vipShare(), defaults.vipShare()),
              orDefault(raw.keyShare(), defaults.keyShare()),
              orDefault(raw.regularShare(), defaults.regularShare()));
      requireRange("tiers.vip_share", tiers.vipShare(), 0.0, 1.0);
      requireRange("tiers.key_share", tiers.keyShare(), 0.0, 1.0);
      requireRange("tiers.regular_share", tiers.regularShare(), 0.0, 1.0);
      double sum = tiers.vipShare() + tiers.keyShare() + tiers.regularShare();
      if (sum > 1.0 + 1e-9) {
        throw invalid(
            "tiers",
            String.format(
                Locale.ROOT,
                "vip_share + key_share + regular_share = %.4g + %.4g + %.4g = %.4g, more than 1"
                    + " (small gets the rest, so the three must not exceed 100%% of customers)",
                tiers.vipShare(),
                tiers.keyShare(),
                tiers.regularShare(),
                sum),
            "lower the shares so they add up to at most 1, for example 0.05, 0.15, 0.50");
      }
      return tiers;
    }

    private ModelSettings models(RawConfig.Models raw) {
      ModelSettings defaults = ModelSettings.defaults();
      if (raw == null) {
        return defaults;
      }
      ModelSettings models =
          new ModelSettings(
              orDefault(raw.purchaseModel(), defaults.purchaseModel()),
              orDefault(raw.horizonMonths(), defaults.horizonMonths()),
              orDefault(raw.discountRateMonthly(), defaults.discountRateMonthly()),
              orDefault(raw.penalizer(), defaults.penalizer()),
              orDefault(raw.failOnNonConvergence(), defaults.failOnNonConvergence()));
      if (models.horizonMonths() < 1) {
        throw invalid(
            "models.horizon_months",
            "must be at least 1, got " + models.horizonMonths(),
            "use a whole number of months such as 12");
      }
      requireRange("models.discount_rate_monthly", models.discountRateMonthly(), 0.0, 1.0);
      if (models.penalizer() < 0) {
        throw invalid(
            "models.penalizer", "must not be negative, got " + models.penalizer(), "use 0 or more");
      }
      return models;
    }

    /**
     * A tier given in {@code contact.cadence} is taken as written (no visit key: no visits); a tier
     * left out keeps its default.
     */
    private ContactSettings contact(RawConfig.Contact raw) {
      ContactSettings defaults = ContactSettings.defaults();
      if (raw == null) {
        return defaults;
      }
      RawConfig.Cadences cadence = raw.cadence();
      try {
        return new ContactSettings(
            cadence(cadence == null ? null : cadence.vip(), defaults.vip()),
            cadence(cadence == null ? null : cadence.key(), defaults.key()),
            cadence(cadence == null ? null : cadence.regular(), defaults.regular()),
            cadence(cadence == null ? null : cadence.small(), defaults.small()),
            cadence(cadence == null ? null : cadence.basicService(), defaults.basicService()),
            orDefault(raw.complaintSlaHours(), defaults.complaintSlaHours()),
            orDefault(raw.churnPeriodDays(), defaults.churnPeriodDays()),
            defaults.lifecycle(),
            defaults.difficulty(),
            defaults.loyalty());
      } catch (IllegalArgumentException e) {
        throw invalid(
            "contact",
            e.getMessage(),
            "use whole positive numbers of months and hours, and a positive churn period");
      }
    }

    private static ContactSettings.Cadence cadence(
        RawConfig.Cadence raw, ContactSettings.Cadence defaults) {
      return raw == null
          ? defaults
          : new ContactSettings.Cadence(raw.callEveryMonths(), raw.visitEveryMonths());
    }

    private SparkConfig spark(RawConfig.Spark raw) {
      String master = override("spark.master").orElse(raw == null ? null : raw.master());
      master = orDefault(master, DEFAULT_SPARK_MASTER);
      if (master.isBlank()) {
        throw invalid(
            "spark.master", "is empty", "use local[*] or a cluster URL such as spark://host:7077");
      }
      Map<String, String> conf = raw == null ? null : raw.conf();
      return new SparkConfig(master, conf == null ? Map.of() : conf);
    }

    /**
     * The default H2 file writes every commit at once (WRITE_DELAY=0): a step's end must be on disk
     * before the next step starts, or a killed or exiting process leaves the date looking
     * unfinished. H2's default delays writes to a background thread.
     */
    private JobRepositoryConfig jobRepository(RawConfig.JobRepository raw, Path workDir) {
      String fileUrl = raw == null ? null : raw.url();
      String url =
          override("job_repository.url")
              .orElse(
                  orDefault(
                      fileUrl,
                      "jdbc:h2:file:"
                          + workDir.resolve("job-repository").resolve("idic")
                          + ";AUTO_SERVER=TRUE;WRITE_DELAY=0"));
      if (!url.startsWith("jdbc:")) {
        throw invalid(
            "job_repository.url",
            "'" + url + "' is not a JDBC URL",
            "use jdbc:h2:file:/path/to/db or jdbc:postgresql://host:5432/database");
      }
      if (url.toLowerCase(Locale.ROOT).contains("password=")) {
        throw invalid(
            "job_repository.url",
            "contains a password",
            "remove it from the URL and name an environment variable holding it in"
                + " job_repository.password_env");
      }
      boolean h2 = url.startsWith("jdbc:h2:");
      String username =
          override("job_repository.username")
              .orElse(orDefault(raw == null ? null : raw.username(), h2 ? "sa" : ""));
      String passwordEnv = orDefault(raw == null ? null : raw.passwordEnv(), "");
      return new JobRepositoryConfig(url, username, passwordEnv);
    }

    private ZoneId zone(String id) {
      try {
        return ZoneId.of(id);
      } catch (DateTimeException e) {
        String suggestion =
            Suggestions.closest(id, ZoneId.getAvailableZoneIds())
                .map(zone -> "did you mean " + zone + "? ")
                .orElse("");
        throw invalid(
            "time_zone",
            "'" + id + "' is not a time zone id",
            suggestion + "use a region id such as Europe/Berlin, America/New_York or UTC");
      }
    }

    /** A path from the file (resolved against its folder) or the environment, else a default. */
    private String resolved(String key, String fromFile, String fallback) {
      Optional<String> fromEnvironment = override(key);
      if (fromEnvironment.isPresent()) {
        return absolute(currentDirectory, fromEnvironment.get());
      }
      if (fromFile != null && !fromFile.isBlank()) {
        return absolute(folder, fromFile);
      }
      return fallback;
    }

    private Optional<String> override(String key) {
      return ENVIRONMENT_OVERRIDES.entrySet().stream()
          .filter(entry -> entry.getValue().equals(key))
          .map(entry -> environment.get(entry.getKey()))
          .filter(Objects::nonNull)
          .filter(value -> !value.isBlank())
          .findFirst();
    }

    private void requireRange(String key, double value, double min, double max) {
      if (!(value >= min && value <= max)) {
        throw invalid(
            key,
            "must be between " + min + " and " + max + ", got " + value,
            "use a fraction such as 0.05 for 5%");
      }
    }

    private ConfigException missing(String key, String fix) {
      return new ConfigException(
          "Invalid configuration in "
              + source
              + ": missing required key "
              + key
              + locationOfParent(key)
              + ". Fix: "
              + fix
              + ".");
    }

    private ConfigException invalid(String key, String problem, String fix) {
      return new ConfigException(
          "Invalid configuration in "
              + source
              + " at "
              + key
              + origin(key)
              + ": "
              + problem
              + ". Fix: "
              + fix
              + ".");
    }

    private String origin(String key) {
      return ENVIRONMENT_OVERRIDES.entrySet().stream()
          .filter(entry -> entry.getValue().equals(key) && environment.containsKey(entry.getKey()))
          .map(entry -> " (from environment variable " + entry.getKey() + ")")
          .findFirst()
          .orElseGet(() -> locations.describe(key));
    }

    private String locationOfParent(String key) {
      int cut = key.lastIndexOf('.');
      if (cut < 0) {
        return "";
      }
      String parent = key.substring(0, cut);
      String location = locations.describe(parent);
      return location.isEmpty() ? "" : " (in " + parent + location + ")";
    }
  }

  private static String absolute(Path base, String path) {
    if (URI_WITH_SCHEME.matcher(path).matches()) {
      return path;
    }
    return base.resolve(path).toAbsolutePath().normalize().toString();
  }

  private static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
