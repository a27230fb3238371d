package dev.idic.batch.testing;

import dev.idic.batch.job.NightStages;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.Stage;
import dev.idic.stages.contract.StageIo;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.contract.Table;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.ingest.IngestStage;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SaveMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A job of the real ingest stage and a step that keeps its staged tables for inspection under
 * {@code <warehouse>/_kept/<table>} (a completed job removes its staging folder): bad-input tests
 * need nothing else.
 */
@Configuration(proxyBeanMethods = false)
public class IngestOnlyStages {

  public static final List<Table> KEPT = List.of(Tables.TRANSACTIONS_ACCEPTED, Tables.QUARANTINE);

  @Bean
  NightStages nightStages() {
    return NightStages.of(new IngestStage(), keepStagedTables());
  }

  private static Stage keepStagedTables() {
    return new Stage() {
      @Override
      public StageIo io() {
        return StageIo.of("features").reads(KEPT.toArray(Table[]::new));
      }

      @Override
      public StageReport run(RunContext context) {
        for (Table table : KEPT) {
          context
              .tables(this)
              .read(table)
              .write()
              .mode(SaveMode.Overwrite)
              .parquet(context.paths().warehouse() + "/_kept/" + table.name());
        }
        return StageReport.of(Map.of());
      }
    };
  }
}
