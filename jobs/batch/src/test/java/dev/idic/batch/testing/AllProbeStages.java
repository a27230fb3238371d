package dev.idic.batch.testing;

import dev.idic.batch.job.NightStages;
import dev.idic.stages.contract.Dataflow;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every stage of the nightly job as a probe; declared out of order on purpose. */
@Configuration(proxyBeanMethods = false)
public class AllProbeStages {

  @Bean
  NightStages nightStages() {
    return NightStages.of(
        new ProbeStage(Dataflow.PUBLISH),
        new ProbeStage(Dataflow.INGEST),
        new ProbeStage(Dataflow.FEATURES),
        new ProbeStage(Dataflow.VALIDATION),
        new ProbeStage(Dataflow.MODELS),
        new ProbeStage(Dataflow.TIERS),
        new ProbeStage(Dataflow.INTERACTIONS));
  }
}
