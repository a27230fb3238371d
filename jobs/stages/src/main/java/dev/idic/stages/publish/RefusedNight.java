package dev.idic.stages.publish;

import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.Tables;

/**
 * What a night whose input was refused still publishes: its quarantine, so that the records that
 * refused it can be read where every other night's are ({@code quarantine/as_of_date=D}), next to
 * the run manifest with the counts. Every other table keeps its latest completed night.
 */
public final class RefusedNight {

  private RefusedNight() {}

  /**
   * Publishes the quarantine that the refusing ingest staged.
   *
   * @return how many records it holds
   */
  public static long publishQuarantine(RunContext context) {
    PublishedTables tables = new PublishedTables(context, null);
    tables.write(
        Tables.QUARANTINE,
        context.spark().read().parquet(context.paths().staged(Tables.QUARANTINE)));
    tables.swap();
    return tables.rows().get(Tables.QUARANTINE.name());
  }
}
