package dev.idic.batch;

import dev.idic.batch.job.NightStages;
import dev.idic.stages.features.FeaturesStage;
import dev.idic.stages.ingest.IngestStage;
import dev.idic.stages.interactions.InteractionsStage;
import dev.idic.stages.models.ModelsStage;
import dev.idic.stages.publish.PublishStage;
import dev.idic.stages.tiers.TiersStage;
import dev.idic.stages.validation.ValidationStage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stages of the production nightly job. Each becomes the step named by {@code Stage.name()};
 * steps run in the order their declared tables give (see {@link
 * dev.idic.stages.contract.Dataflow}).
 */
@Configuration(proxyBeanMethods = false)
public class PipelineStages {

  @Bean
  NightStages nightStages() {
    return NightStages.of(
        new IngestStage(),
        new ValidationStage(),
        new FeaturesStage(),
        new ModelsStage(),
        new TiersStage(),
        new InteractionsStage(),
        new PublishStage());
  }
}
