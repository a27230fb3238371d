package dev.idic.batch.testing;

import dev.idic.batch.job.NightStages;
import dev.idic.stages.contract.Dataflow;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Only ingest, tiers and publish: the job must skip the steps without a bean. */
@Configuration(proxyBeanMethods = false)
public class SomeProbeStages {

  @Bean
  NightStages nightStages() {
    return NightStages.of(
        new ProbeStage(Dataflow.INGEST),
        new ProbeStage(Dataflow.TIERS),
        new ProbeStage(Dataflow.PUBLISH));
  }
}
