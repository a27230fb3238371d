package dev.idic.batch.config;

import dev.idic.stages.settings.InputShaping;
import dev.idic.stages.settings.ModelSettings.PurchaseModel;
import dev.idic.stages.settings.TierSettings.TierBasis;
import dev.idic.stages.settings.TimeUnit;
import java.util.List;
import java.util.Map;

/**
 * The YAML file as written, before defaults and validation. Every field is nullable: absent keys
 * are filled in by {@link ConfigLoader}, which also checks what Jackson cannot (zone ids, shares,
 * required keys). Keys are the snake_case forms of the component names.
 */
record RawConfig(
    String workDir,
    String timeZone,
    TimeUnit timeUnit,
    String warehouse,
    Inputs inputs,
    Double maxRejectRatio,
    Rfm rfm,
    Tiers tiers,
    Models models,
    Contact contact,
    Validation validation,
    History history,
    Spark spark,
    JobRepository jobRepository) {

  record Inputs(Input transactions, Input interactions, Input customers, Input walletEstimates) {}

  record Input(
      String path,
      InputFormat format,
      Boolean header,
      String delimiter,
      List<String> columnNames,
      Map<String, String> columns,
      String timestampFormat,
      String encoding,
      InputShaping.Grain grain,
      Map<String, String> derive,
      Map<String, String> exclude,
      InputShaping.Returns returns,
      InputShaping.MissingCustomer missingCustomer) {}

  record Rfm(List<Double> recencyCutsDays, List<Double> frequencyCuts, List<Double> monetaryCuts) {}

  record Tiers(TierBasis basis, Double vipShare, Double keyShare, Double regularShare) {}

  record Models(
      PurchaseModel purchaseModel,
      Integer horizonMonths,
      Double discountRateMonthly,
      Double penalizer,
      Boolean failOnNonConvergence,
      Double maxFitSeconds) {}

  record Contact(Cadences cadence, Double complaintSlaHours, Integer churnPeriodDays) {}

  record Cadences(Cadence vip, Cadence key, Cadence regular, Cadence small, Cadence basicService) {}

  record Cadence(Integer callEveryMonths, Integer visitEveryMonths) {}

  record Validation(Integer holdout, Double maxAbsError) {}

  /** {@code compare_to}: {@code previous} or a number of days, as written. */
  record History(String compareTo) {}

  record Spark(String master, Boolean ui, Map<String, String> conf) {}

  record JobRepository(String url, String username, String passwordEnv) {}
}
