package dev.idic.stages.contract;

import static dev.idic.stages.contract.Tables.COHORT_RETENTION;
import static dev.idic.stages.contract.Tables.COMPLAINT_OUTCOMES;
import static dev.idic.stages.contract.Tables.CONTACT_MIX_BY_TIER;
import static dev.idic.stages.contract.Tables.CONTACT_PLAN;
import static dev.idic.stages.contract.Tables.CUSTOMERS_ACCEPTED;
import static dev.idic.stages.contract.Tables.CUSTOMER_ENGAGEMENT;
import static dev.idic.stages.contract.Tables.CUSTOMER_FEATURES;
import static dev.idic.stages.contract.Tables.CUSTOMER_SCORES;
import static dev.idic.stages.contract.Tables.CUSTOMER_TIERS;
import static dev.idic.stages.contract.Tables.DIFFICULTY_SUMMARY;
import static dev.idic.stages.contract.Tables.EXCLUDED;
import static dev.idic.stages.contract.Tables.INTERACTIONS_ACCEPTED;
import static dev.idic.stages.contract.Tables.LIST_HIGH_VALUE_AT_RISK;
import static dev.idic.stages.contract.Tables.LIST_TOP_20_PERCENT;
import static dev.idic.stages.contract.Tables.LIST_VIP_KEY_OVERDUE;
import static dev.idic.stages.contract.Tables.LOYALTY_SUMMARY;
import static dev.idic.stages.contract.Tables.MODEL_CALIBRATION;
import static dev.idic.stages.contract.Tables.MODEL_FIT;
import static dev.idic.stages.contract.Tables.MODEL_TRACKING;
import static dev.idic.stages.contract.Tables.MODEL_VALIDATION;
import static dev.idic.stages.contract.Tables.QUARANTINE;
import static dev.idic.stages.contract.Tables.RECENT_PURCHASES;
import static dev.idic.stages.contract.Tables.TRANSACTIONS_ACCEPTED;
import static dev.idic.stages.contract.Tables.WALLET_ESTIMATES_ACCEPTED;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What each stage of the nightly run reads and writes: the one place to look. The job is assembled
 * from these declarations ({@link #order}): a stage runs after every stage that writes a table it
 * reads. Tables a stage writes and reads back within itself (scratch tables) are its own business
 * and not listed. {@code DataflowTest} checks that every read has a writer and every table of
 * {@link Tables} a place in the flow.
 */
public final class Dataflow {

  public static final StageIo INGEST =
      StageIo.of("ingest")
          .writes(
              TRANSACTIONS_ACCEPTED,
              INTERACTIONS_ACCEPTED,
              CUSTOMERS_ACCEPTED,
              WALLET_ESTIMATES_ACCEPTED,
              QUARANTINE,
              EXCLUDED);

  /**
   * The holdout backtest works from the accepted transactions alone, so it runs right after ingest
   * and a failed quality gate stops the night before the expensive stages.
   */
  public static final StageIo VALIDATION =
      StageIo.of("validation")
          .reads(TRANSACTIONS_ACCEPTED)
          .writes(MODEL_VALIDATION, MODEL_TRACKING, MODEL_CALIBRATION);

  public static final StageIo FEATURES =
      StageIo.of("features")
          .reads(TRANSACTIONS_ACCEPTED)
          .writes(CUSTOMER_FEATURES, RECENT_PURCHASES, COHORT_RETENTION);

  public static final StageIo MODELS =
      StageIo.of("models").reads(CUSTOMER_FEATURES).writes(CUSTOMER_SCORES, MODEL_FIT);

  public static final StageIo TIERS =
      StageIo.of("tiers")
          .reads(CUSTOMER_FEATURES)
          .readsIfStaged(CUSTOMER_SCORES)
          .writes(CUSTOMER_TIERS);

  public static final StageIo INTERACTIONS =
      StageIo.of("interactions")
          .reads(CUSTOMER_TIERS, CUSTOMER_FEATURES, RECENT_PURCHASES)
          .readsIfStaged(
              INTERACTIONS_ACCEPTED, CUSTOMER_SCORES, MODEL_FIT, WALLET_ESTIMATES_ACCEPTED)
          .writes(
              CUSTOMER_ENGAGEMENT,
              CONTACT_PLAN,
              COMPLAINT_OUTCOMES,
              LOYALTY_SUMMARY,
              DIFFICULTY_SUMMARY,
              CONTACT_MIX_BY_TIER,
              LIST_TOP_20_PERCENT,
              LIST_VIP_KEY_OVERDUE,
              LIST_HIGH_VALUE_AT_RISK);

  /**
   * Publish needs the profile's parts, and the customers input for the contact columns of the list
   * CSVs; every published table an earlier stage staged passes through when that stage produced it.
   */
  public static final StageIo PUBLISH =
      StageIo.of("publish")
          .reads(CUSTOMER_FEATURES, CUSTOMER_TIERS)
          .readsIfStaged(
              Stream.concat(
                      Stream.of(CUSTOMER_SCORES, CUSTOMER_ENGAGEMENT, CUSTOMERS_ACCEPTED),
                      Stream.of(INGEST, VALIDATION, FEATURES, MODELS, INTERACTIONS)
                          .flatMap(io -> io.writes().stream())
                          .filter(Table::published))
                  .toArray(Table[]::new))
          .publishes(Tables.all().stream().filter(Table::published).toList());

  /** The stages of the production night, in the order {@link #order} gives them. */
  public static final List<StageIo> NIGHT =
      List.of(INGEST, VALIDATION, FEATURES, MODELS, TIERS, INTERACTIONS, PUBLISH);

  private Dataflow() {}

  /**
   * Orders stages so that each runs after the stages writing what it reads; stages that do not
   * depend on each other keep the order given.
   *
   * @throws IllegalStateException when two stages write the same table, two have the same name, or
   *     the reads form a cycle
   */
  public static <S extends Stage> List<S> order(Collection<S> stages) {
    Map<Table, S> writers = new HashMap<>();
    Map<String, S> byName = new LinkedHashMap<>();
    for (S stage : stages) {
      S sameName = byName.put(stage.name(), stage);
      if (sameName != null) {
        throw wiring("two stages are named '" + stage.name() + "'");
      }
      for (Table table : stage.io().writes()) {
        S other = writers.put(table, stage);
        if (other != null) {
          throw wiring(
              "both '" + other.name() + "' and '" + stage.name() + "' write " + table.name());
        }
      }
    }
    List<S> ordered = new ArrayList<>();
    List<S> pending = new ArrayList<>(byName.values());
    while (!pending.isEmpty()) {
      S next =
          pending.stream()
              .filter(stage -> inputsReady(stage, writers, ordered))
              .findFirst()
              .orElseThrow(() -> wiring("the reads of " + names(pending) + " form a cycle"));
      ordered.add(next);
      pending.remove(next);
    }
    return List.copyOf(ordered);
  }

  private static <S extends Stage> boolean inputsReady(
      S stage, Map<Table, S> writers, List<S> done) {
    return stage.io().allReads().stream()
        .map(writers::get)
        .allMatch(writer -> writer == null || writer == stage || done.contains(writer));
  }

  private static String names(List<? extends Stage> stages) {
    return stages.stream().map(Stage::name).toList().toString();
  }

  private static IllegalStateException wiring(String problem) {
    return new IllegalStateException("Wiring error in the nightly job: " + problem);
  }
}
