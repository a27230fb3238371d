package dev.idic.stages.publish;

import static org.apache.spark.sql.functions.col;

import dev.idic.stages.contract.Dataflow;
import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.RunPaths;
import dev.idic.stages.contract.Stage;
import dev.idic.stages.contract.StageIo;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.contract.StagedTables;
import dev.idic.stages.contract.Table;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.lists.ListColumns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Assembles the published tables from what the earlier stages staged, checks each against its
 * contract, writes them into the run's staging folder, then swaps each into its {@code
 * as_of_date=D} partition ({@link PublishedTables}), then rebuilds the warehouse's SQL catalogue
 * ({@link WarehouseCatalog}). The profile and the migration tables compare tonight with an earlier
 * published night ({@link ComparedNight}, {@link TierMigration}).
 *
 * <p>The run's staging folder is left in place: a process killed after the swaps but before the job
 * repository recorded this step restarts publish, which then needs the staged tables again. The
 * batch layer removes the folder once the whole job has completed.
 */
public final class PublishStage implements Stage {

  @Override
  public StageReport run(RunContext context) {
    StagedTables staged = context.tables(this);
    PublishedTables published =
        new PublishedTables(context, staged.readIfStaged(Tables.CUSTOMERS_ACCEPTED).orElse(null));

    Dataset<Row> tiersDF = staged.read(Tables.CUSTOMER_TIERS);
    Dataset<Row> assembledDF =
        CustomerProfile.assemble(
            staged.read(Tables.CUSTOMER_FEATURES),
            Arrays.asList(
                staged.readIfStaged(Tables.CUSTOMER_SCORES).orElse(null),
                tiersDF,
                staged.readIfStaged(Tables.CUSTOMER_ENGAGEMENT).orElse(null)));
    // Sorted within each file, not globally: a global sort would sample the four-way join once
    // more for its ranges, and row groups sorted by customer_id already let readers skip by id.
    List<String> warnings = new ArrayList<>();
    Optional<LocalDate> comparedTo =
        ComparedNight.find(
            published.fileSystem(),
            context.paths().warehouse(),
            context.settings().history().latestComparable(context.asOfDate()));
    requireTheChosenNight(context, comparedTo);
    TierMigration migration = new TierMigration(comparedTo.orElse(null));
    Dataset<Row> previousDF =
        comparedTo
            .map(night -> context.spark().read().parquet(profileOf(context, night)))
            .orElse(assembledDF.limit(0));
    if (comparedTo.isEmpty()) {
      warnings.add(
          "no earlier published night to compare with (history.compare_to): every customer is"
              + " 'new' in tier_change, tier_transitions and segment_transitions");
    }
    // The summaries read the profile as written, so the join runs once, not once per table.
    Dataset<Row> profileDF =
        published.write(
            Tables.CUSTOMER_PROFILE,
            migration
                .withPrevious(assembledDF, previousDF)
                .sortWithinPartitions(col("customer_id")));
    Map<Table, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put(Tables.TOP_CUSTOMERS, CustomerProfile.topCustomers(profileDF));
    tables.put(Tables.TIER_SUMMARY, ValueSummaries.tierSummary(profileDF));
    tables.put(Tables.SEGMENT_SUMMARY, ValueSummaries.segmentSummary(profileDF));
    tables.put(Tables.VALUE_CONCENTRATION, ValueSummaries.valueConcentration(tiersDF));
    tables.put(Tables.TIER_TRANSITIONS, migration.tierTransitions(profileDF, previousDF));
    tables.put(Tables.SEGMENT_TRANSITIONS, migration.segmentTransitions(profileDF, previousDF));
    tables.put(
        Tables.LIST_TIER_DOWNGRADES,
        ListColumns.complete(
            Tables.LIST_TIER_DOWNGRADES, migration.downgrades(profileDF, previousDF), profileDF));
    // Every other published table is one an earlier stage staged: it passes through when present.
    for (Table table : io().optionalReads()) {
      if (table.published()) {
        staged.readIfStaged(table).ifPresent(df -> tables.put(table, df));
      }
    }

    tables.forEach(published::write);
    published.swap();
    // Once every partition of the night is in place, so its _latest views all show this night.
    WarehouseCatalog.of(published.fileSystem(), context.paths().warehouse())
        .ifPresent(WarehouseCatalog::rebuild);

    Map<String, Long> counts = published.rows();
    Map<String, Long> report = new LinkedHashMap<>();
    report.put("rows_in", counts.get(Tables.CUSTOMER_PROFILE.name()));
    report.put("rows_out", counts.values().stream().mapToLong(Long::longValue).sum());
    report.putAll(counts);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("tables", published.folders());
    details.put("compared_to", comparedTo.map(LocalDate::toString).orElse("none"));
    return new StageReport(report, details, warnings);
  }

  /**
   * A night named with {@code --compare-to} must be the one compared with, not an earlier one. The
   * CLI checks a local warehouse before the night starts; this catches remote ones.
   */
  private static void requireTheChosenNight(RunContext context, Optional<LocalDate> comparedTo) {
    Optional<LocalDate> chosen = context.settings().history().night();
    if (chosen.isPresent() && !chosen.equals(comparedTo)) {
      throw IdicErrors.invalidConfiguration(
          "--compare-to " + chosen.get(),
          "the warehouse "
              + context.paths().warehouse()
              + " has no complete published night of that date to compare with",
          "name the as-of date of a night that completed (its customer_profile partition has a _SUCCESS marker), or leave"
              + " --compare-to out to compare with the latest earlier night");
    }
  }

  private static String profileOf(RunContext context, LocalDate night) {
    return new RunPaths(context.paths().warehouse(), night).published(Tables.CUSTOMER_PROFILE);
  }

  @Override
  public StageIo io() {
    return Dataflow.PUBLISH;
  }
}
