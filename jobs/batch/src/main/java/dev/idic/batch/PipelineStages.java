package dev.idic.batch;

import dev.idic.stages.contract.Stage;
import dev.idic.stages.features.FeaturesStage;
import dev.idic.stages.ingest.IngestStage;
import dev.idic.stages.interactions.InteractionsStage;
import dev.idic.stages.models.ModelsStage;
import dev.idic.stages.publish.PublishStage;
import dev.idic.stages.tiers.TiersStage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stages of the production nightly job. Each {@code @Bean} returning a {@link Stage} becomes
 * the step named by {@code Stage.name()}; steps run in the order their declared tables give (see
 * {@link dev.idic.stages.contract.Dataflow}).
 */
@Configuration(proxyBeanMethods = false)
public class PipelineStages {

  @Bean
  Stage ingest() {
    return new IngestStage();
  }

  @Bean
  Stage features() {
    return new FeaturesStage();
  }

  @Bean
  Stage models() {
    return new ModelsStage();
  }

  @Bean
  Stage tiers() {
    return new TiersStage();
  }

  @Bean
  Stage interactions() {
    return new InteractionsStage();
  }

  @Bean
  Stage publish() {
    return new PublishStage();
  }
}
