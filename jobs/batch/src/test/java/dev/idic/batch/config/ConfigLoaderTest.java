package dev.idic.batch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idic.stages.contract.ExitCode;
import dev.idic.stages.contract.IdicException;
import dev.idic.stages.settings.InputShaping;
import dev.idic.stages.settings.InputShaping.NamedExpression;
import dev.idic.stages.settings.InputSource;
import dev.idic.stages.settings.ModelSettings.PurchaseModel;
import dev.idic.stages.settings.TierSettings.TierBasis;
import dev.idic.stages.settings.TimeUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static final String MINIMAL =
      """
      inputs:
        transactions:
          path: data/tx.csv
      """;

  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("conf").resolve("idic.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    return file;
  }

  private IdicConfig load(String yaml) throws IOException {
    return load(yaml, Map.of());
  }

  private IdicConfig load(String yaml, Map<String, String> environment) throws IOException {
    return new ConfigLoader(environment, dir.resolve("cwd")).load(write(yaml));
  }

  private String errorOf(String yaml) throws IOException {
    Path file = write(yaml);
    try {
      new ConfigLoader(Map.of(), dir).load(file);
    } catch (IdicException e) {
      assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_CONFIGURATION);
      assertThat(e.getMessage()).as("every message names the file").contains(file.toString());
      return e.getMessage();
    }
    throw new AssertionError("expected an invalid configuration error for:\n" + yaml);
  }

  @Test
  void minimalFileGetsTheDocumentedDefaults() throws IOException {
    IdicConfig config = load(MINIMAL);

    assertThat(config.workDir()).as("work_dir default").isEqualTo(dir.resolve("cwd/idic-work"));
    assertThat(config.pipeline().warehouse())
        .as("warehouse default under work_dir")
        .isEqualTo(dir.resolve("cwd/idic-work/warehouse").toString());
    assertThat(config.pipeline().timeZone()).as("zone default").isEqualTo(ZoneId.of("UTC"));
    assertThat(config.pipeline().timeUnit()).isEqualTo(TimeUnit.DAYS);
    assertThat(config.pipeline().maxRejectRatio()).isEqualTo(0.05);
    assertThat(config.pipeline().tiers().basis()).isEqualTo(TierBasis.PREDICTED_CLV);
    assertThat(config.pipeline().models().purchaseModel()).isEqualTo(PurchaseModel.BGNBD);
    assertThat(config.pipeline().interactions()).as("optional input absent").isNull();
    assertThat(config.spark().master()).isEqualTo("local[*]");
    assertThat(config.jobRepository().url())
        .as("embedded H2 under work_dir")
        .startsWith("jdbc:h2:file:" + dir.resolve("cwd/idic-work/job-repository/idic"));
    assertThat(config.jobRepository().passwordEnv()).isEmpty();
  }

  @Test
  void relativePathsResolveAgainstTheConfigFolderAndUrisStayAsGiven() throws IOException {
    IdicConfig config =
        load(
            """
            work_dir: ../work
            warehouse: s3a://bucket/warehouse
            inputs:
              transactions:
                path: data/tx.csv
              interactions:
                path: /abs/interactions
                format: parquet
            """);

    assertThat(config.workDir()).isEqualTo(dir.resolve("work"));
    assertThat(config.pipeline().warehouse()).isEqualTo("s3a://bucket/warehouse");
    assertThat(config.pipeline().transactions().path())
        .isEqualTo(dir.resolve("conf/data/tx.csv").toString());
    assertThat(config.pipeline().interactions().path()).isEqualTo("/abs/interactions");
    assertThat(config.pipeline().interactions().format()).isEqualTo("parquet");
  }

  @Test
  void everyKeyBindsOntoTheSettings() throws IOException {
    IdicConfig config =
        load(
            """
            time_zone: Europe/Berlin
            time_unit: weeks
            max_reject_ratio: 0.2
            inputs:
              transactions:
                path: tx.txt
                format: whitespace
                column_names: [customer_id, date, quantity, dollar_value]
                columns: {ts: date, amount: dollar_value}
                timestamp_format: yyyyMMdd
                encoding: ISO-8859-1
            rfm:
              recency_cuts_days: [30, 90, 180, 365]
            tiers: {basis: historical_spend, vip_share: 0.1, key_share: 0.1, regular_share: 0.3}
            models:
              purchase_model: pareto_nbd
              horizon_months: 6
              discount_rate_monthly: 0.02
              penalizer: 0.001
              fail_on_non_convergence: false
              max_fit_seconds: 60
            history:
              compare_to: 7
            spark:
              master: spark://host:7077
              conf: {spark.executor.memory: 2g, spark.sql.shuffle.partitions: 16}
            job_repository:
              url: jdbc:postgresql://db:5432/idic
              username: idic
              password_env: IDIC_DB_PASSWORD
            """);

    var pipeline = config.pipeline();
    assertThat(pipeline.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(pipeline.timeUnit()).isEqualTo(TimeUnit.WEEKS);
    assertThat(pipeline.maxRejectRatio()).isEqualTo(0.2);
    assertThat(pipeline.transactions().format()).isEqualTo("whitespace");
    assertThat(pipeline.transactions().header()).as("header defaults off outside csv").isFalse();
    assertThat(pipeline.transactions().columnNames()).hasSize(4);
    assertThat(pipeline.transactions().sourceColumn("amount")).isEqualTo("dollar_value");
    assertThat(pipeline.transactions().timestampFormat()).isEqualTo("yyyyMMdd");
    assertThat(pipeline.transactions().encoding()).isEqualTo("ISO-8859-1");
    assertThat(pipeline.rfm().recencyCutsDays()).containsExactly(30.0, 90.0, 180.0, 365.0);
    assertThat(pipeline.tiers().basis()).isEqualTo(TierBasis.HISTORICAL_SPEND);
    assertThat(pipeline.tiers().regularShare()).isEqualTo(0.3);
    assertThat(pipeline.models().purchaseModel()).isEqualTo(PurchaseModel.PARETO_NBD);
    assertThat(pipeline.models().horizonMonths()).isEqualTo(6);
    assertThat(pipeline.models().failOnNonConvergence()).isFalse();
    assertThat(pipeline.history().compareToDaysBack()).isEqualTo(7);
    assertThat(pipeline.models().maxFitSeconds()).isEqualTo(60.0);
    assertThat(config.spark().conf())
        .containsEntry("spark.executor.memory", "2g")
        .as("numbers are taken as Spark conf text")
        .containsEntry("spark.sql.shuffle.partitions", "16");
    assertThat(config.jobRepository().username()).isEqualTo("idic");
    assertThat(config.jobRepository().password(Map.of("IDIC_DB_PASSWORD", "s3cret")))
        .as("password comes from the named environment variable")
        .contains("s3cret");
  }

  @Test
  void theSparkUiRunsOnlyWhenAskedFor() throws IOException {
    assertThat(load(MINIMAL, Map.of()).spark().ui()).as("default").isFalse();
    assertThat(load(MINIMAL + "spark:\n  ui: true\n", Map.of()).spark().ui()).isTrue();
  }

  @Test
  void environmentOverridesTheFileAndResolvesAgainstTheCurrentFolder() throws IOException {
    IdicConfig config =
        load(
            MINIMAL + "warehouse: from-file\nspark:\n  master: local[2]\n",
            Map.of(
                "IDIC_WAREHOUSE", "from-env",
                "IDIC_SPARK_MASTER", "spark://m:7077",
                "IDIC_JOB_REPOSITORY_URL", "jdbc:postgresql://pg/idic"));

    assertThat(config.pipeline().warehouse()).isEqualTo(dir.resolve("cwd/from-env").toString());
    assertThat(config.spark().master()).isEqualTo("spark://m:7077");
    assertThat(config.jobRepository().url()).isEqualTo("jdbc:postgresql://pg/idic");
  }

  @Test
  void unknownKeySuggestsTheClosestOneWithItsLocation() throws IOException {
    String message = errorOf(MINIMAL + "warehous: /tmp/w\n");

    assertThat(message)
        .as("names the key, the line, the typo fix and the allowed keys")
        .contains("unknown key 'warehous'")
        .contains("line 4, column 1")
        .contains("Did you mean 'warehouse'?")
        .contains("work_dir");
  }

  @Test
  void unknownNestedKeyShowsItsPath() throws IOException {
    String message =
        errorOf(
            """
            inputs:
              transactions:
                path: tx.csv
                fromat: csv
            """);

    assertThat(message)
        .contains("inputs.transactions.fromat")
        .contains("line 4, column 5")
        .contains("Did you mean 'format'?");
  }

  @Test
  void invalidEnumValueListsTheAllowedOnes() throws IOException {
    String message =
        errorOf(
            """
            inputs:
              transactions:
                path: tx.csv
                format: xlsx
            """);

    assertThat(message)
        .contains("inputs.transactions.format")
        .contains("line 4")
        .contains("'xlsx' is not an allowed value")
        .contains("csv, whitespace, parquet, jsonl");
  }

  @Test
  void misspelledEnumValueGetsASuggestion() throws IOException {
    assertThat(errorOf(MINIMAL + "time_unit: weks\n"))
        .contains("time_unit")
        .contains("Did you mean 'weeks'?")
        .contains("days, weeks");
  }

  @Test
  void wrongTypeSaysWhatWasExpected() throws IOException {
    assertThat(errorOf(MINIMAL + "max_reject_ratio: lots\n"))
        .contains("max_reject_ratio")
        .contains("line 4")
        .contains("expected a number but found 'lots'");
    assertThat(errorOf(MINIMAL + "models: {horizon_months: 1.5}\n"))
        .as("a fraction is not silently truncated to a whole number")
        .contains("models.horizon_months")
        .contains("whole number");
    assertThat(errorOf(MINIMAL + "models: {max_fit_seconds: 0}\n"))
        .contains("models.max_fit_seconds")
        .contains("must be above 0, got 0.0");
    assertThat(errorOf(MINIMAL + "history: {compare_to: yesterday}\n"))
        .contains("history.compare_to")
        .contains("must be 'previous' or a positive number of days, got 'yesterday'");
    assertThat(errorOf(MINIMAL + "tiers: [a, b]\n"))
        .contains("at tiers")
        .contains("expected a mapping");
  }

  @Test
  void missingRequiredKeysAreNamed() throws IOException {
    assertThat(errorOf("time_zone: UTC\n")).contains("missing required key inputs.transactions");
    assertThat(errorOf("inputs:\n  transactions:\n    format: csv\n"))
        .contains("missing required key inputs.transactions.path")
        .as("points at the enclosing section")
        .contains("in inputs.transactions (line 2");
    assertThat(errorOf("inputs:\n  transactions:\n    path: t.txt\n    format: whitespace\n"))
        .contains("inputs.transactions.column_names")
        .contains("without a header line");
  }

  @Test
  void invalidZoneIdSuggestsARealOne() throws IOException {
    assertThat(errorOf(MINIMAL + "time_zone: Europe/Berln\n"))
        .contains("time_zone (line 4, column 1)")
        .contains("'Europe/Berln' is not a time zone id")
        .contains("did you mean Europe/Berlin?");
  }

  @Test
  void tierSharesMustNotExceedAllCustomers() throws IOException {
    assertThat(errorOf(MINIMAL + "tiers: {vip_share: 0.3, key_share: 0.3, regular_share: 0.5}\n"))
        .contains("at tiers (line 4")
        .contains("= 1.100, more than 1");
    assertThat(errorOf(MINIMAL + "tiers: {vip_share: -0.1}\n"))
        .contains("tiers.vip_share")
        .contains("between 0.0 and 1.0");
  }

  @Test
  void otherValueChecks() throws IOException {
    assertThat(errorOf(MINIMAL + "rfm: {frequency_cuts: [3, 2, 5, 9]}\n"))
        .contains("rfm.frequency_cuts")
        .contains("four strictly ascending");
    assertThat(errorOf(MINIMAL + "job_repository: {url: 'jdbc:h2:file:/x;PASSWORD=hunter2'}\n"))
        .contains("job_repository.url")
        .contains("contains a password")
        .doesNotContain("hunter2");
    assertThat(errorOf(MINIMAL.replace("tx.csv", "tx.csv\n    encoding: klingon")))
        .contains("inputs.transactions.encoding");
    assertThat(errorOf(MINIMAL + "max_reject_ratio: 1.5\n")).contains("max_reject_ratio");
  }

  static final String LINES =
      """
      inputs:
        transactions:
          path: retail.csv
          grain: line
          columns: {customer_id: CustomerID, ts: InvoiceDate, order_id: InvoiceNo}
      """;

  @Test
  void aSalesExportsShapeBindsWithItsRulesInOrder() throws IOException {
    IdicConfig config =
        load(
            LINES
                + """
                    derive:
                      amount: Quantity * UnitPrice
                    exclude:
                      cancelled: InvoiceNo LIKE 'C%'
                      zero_price: UnitPrice <= 0
                    returns: exclude
                    missing_customer: exclude
                """);

    InputSource transactions = config.pipeline().transactions();
    InputShaping shaping = transactions.shaping();
    assertThat(shaping.grain()).isEqualTo(InputShaping.Grain.LINE);
    assertThat(transactions.sourceColumn("transaction_id"))
        .as("with grain: line the order is the transaction key")
        .isEqualTo("InvoiceNo");
    assertThat(shaping.derive())
        .extracting(NamedExpression::sql)
        .containsExactly("Quantity * UnitPrice");
    assertThat(shaping.exclude())
        .extracting(NamedExpression::name)
        .as("in the order written")
        .containsExactly("cancelled", "zero_price");
    assertThat(shaping.exclude().get(1).origin())
        .as("where a later message points")
        .contains("inputs.transactions.exclude.zero_price")
        .contains("line 10");
    assertThat(shaping.returns()).isEqualTo(InputShaping.Returns.EXCLUDE);
    assertThat(shaping.missingCustomer()).isEqualTo(InputShaping.MissingCustomer.EXCLUDE);
  }

  @Test
  void badShapingKeysAreRefusedWithKeyLineAndFix() throws IOException {
    assertThat(errorOf(LINES.replace("grain: line", "grain: row")))
        .contains("inputs.transactions.grain")
        .contains("line 4")
        .contains("transaction, line");
    assertThat(errorOf(LINES.replace(", order_id: InvoiceNo", "")))
        .contains("inputs.transactions.grain (line 4")
        .contains("columns: { order_id: <source column> }");
    assertThat(errorOf(LINES.replace("grain: line", "grain: transaction")))
        .contains("inputs.transactions.columns.order_id")
        .contains("set grain: line");
    assertThat(errorOf(LINES + "    derive: {amount: 'Quantity * (UnitPrice'}\n"))
        .contains("inputs.transactions.derive.amount (line 6")
        .contains("is not a Spark SQL expression");
    assertThat(errorOf(LINES + "    derive: {amount: 'rand() * 10'}\n"))
        .contains("inputs.transactions.derive.amount")
        .contains("rand()")
        .contains("changes from run to run");
    assertThat(errorOf(LINES + "    exclude: {recent: 'InvoiceDate > current_timestamp()'}\n"))
        .contains("inputs.transactions.exclude.recent (line 6")
        .contains("current_timestamp()")
        .contains("changes from run to run");
    assertThat(errorOf(LINES + "    exclude: {'zero price': 'UnitPrice <= 0'}\n"))
        .contains("is not a plain name");
    assertThat(errorOf(LINES + "    returns: keep\n"))
        .contains("inputs.transactions.returns")
        .contains("line 6")
        .contains("net, exclude, separate");
    assertThat(errorOf(LINES + "    missing_customer: drop\n"))
        .contains("inputs.transactions.missing_customer")
        .contains("quarantine, exclude");
    assertThat(errorOf(MINIMAL + "  interactions: {path: i.csv, grain: line}\n"))
        .contains("inputs.interactions.grain")
        .contains("sales exports only");
  }

  @Test
  void syntaxErrorsAndDuplicatesAndEmptyFiles() throws IOException {
    assertThat(errorOf("inputs:\n  transactions: [\n")).contains("not valid YAML").contains("line");
    assertThat(errorOf(MINIMAL + "time_zone: UTC\ntime_zone: CET\n"))
        .contains("time_zone")
        .containsIgnoringCase("duplicate");
    assertThat(errorOf("")).contains("is empty");
  }

  @Test
  void missingFileAndMissingPasswordVariableAreExplained() {
    assertThatThrownBy(() -> new ConfigLoader(Map.of(), dir).load(dir.resolve("nope.yaml")))
        .isInstanceOfSatisfying(
            IdicException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_CONFIGURATION))
        .hasMessageContaining("nope.yaml does not exist")
        .hasMessageContaining("--conf");
    JobRepositoryConfig repository = new JobRepositoryConfig("jdbc:postgresql://x/y", "u", "PW");
    assertThatThrownBy(() -> repository.password(Map.of()))
        .isInstanceOfSatisfying(
            IdicException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_CONFIGURATION))
        .hasMessageContaining("PW")
        .hasMessageContaining("not set");
  }

  @Test
  void theShippedConfigurationIsValid() {
    Path shipped = Path.of("../../conf/idic.yaml").toAbsolutePath().normalize();
    IdicConfig config = new ConfigLoader(Map.of(), dir).load(shipped);

    assertThat(config.workDir())
        .as("conf/idic.yaml keeps its work folder at the project root")
        .isEqualTo(shipped.getParent().getParent().resolve("idic-work"));
    assertThat(config.pipeline().transactions().path()).endsWith("idic-work/demo/transactions.csv");
    assertThat(config.pipeline().tiers().vipShare()).isEqualTo(0.05);
    assertThat(config.spark().ui()).as("no Spark UI unless asked for").isFalse();
    assertThat(config.spark().conf()).doesNotContainKey("spark.ui.enabled");
  }

  @Test
  void theShippedClusterConfigurationIsValid() {
    Path shipped = Path.of("../../conf/cluster.yaml").toAbsolutePath().normalize();
    IdicConfig config = new ConfigLoader(Map.of(), dir).load(shipped);

    assertThat(config.pipeline().warehouse())
        .as("conf/cluster.yaml: the warehouse is a URI, kept as given")
        .isEqualTo("file:///tmp/idic-cluster/warehouse");
    assertThat(config.pipeline().transactions().path())
        .isEqualTo("file:///tmp/idic-cluster/input/transactions");
    assertThat(config.workDir())
        .as("the driver's local work folder, relative to the file")
        .isEqualTo(shipped.getParent().getParent().resolve("idic-work/cluster"));
    assertThat(config.jobRepository().url())
        .as("embedded H2 unless configured")
        .startsWith("jdbc:h2:");
  }

  @Test
  void theClusterConfigurationsCommentedAlternativesAreValid() throws IOException {
    String shipped = Files.readString(Path.of("../../conf/cluster.yaml"));
    String uncommented =
        shipped
            .replaceFirst("(?m)^warehouse: file:.*$", "")
            .replaceFirst("(?m)^# (warehouse: hdfs:)", "$1")
            .replaceAll("(?m)^# (job_repository:|  url:|  username:|  password_env:)", "$1");

    IdicConfig config = load(uncommented);

    assertThat(config.pipeline().warehouse())
        .as("the hdfs: warehouse of the comment")
        .isEqualTo("hdfs://namenode.example.com:8020/idic/warehouse");
    assertThat(config.jobRepository())
        .as("the PostgreSQL job repository of the comment")
        .isEqualTo(
            new JobRepositoryConfig(
                "jdbc:postgresql://db.example.com:5432/idic",
                "idic",
                "IDIC_JOB_REPOSITORY_PASSWORD"));
  }

  @Test
  void suggestionsAreOnlyMadeForPlausibleTypos() {
    assertThat(Suggestions.closest("warehous", List.of("warehouse", "work_dir")))
        .contains("warehouse");
    assertThat(Suggestions.closest("zzzzzzzz", List.of("warehouse", "work_dir"))).isEmpty();
  }
}
