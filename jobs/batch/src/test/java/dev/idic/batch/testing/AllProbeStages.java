package dev.idic.batch.testing;

import dev.idic.stages.contract.Dataflow;
import dev.idic.stages.contract.Stage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every stage of the nightly job as a probe; declared out of order on purpose. */
@Configuration(proxyBeanMethods = false)
public class AllProbeStages {

  @Bean
  Stage publish() {
    return new ProbeStage(Dataflow.PUBLISH);
  }

  @Bean
  Stage ingest() {
    return new ProbeStage(Dataflow.INGEST);
  }

  @Bean
  Stage features() {
    return new ProbeStage(Dataflow.FEATURES);
  }

  @Bean
  Stage models() {
    return new ProbeStage(Dataflow.MODELS);
  }

  @Bean
  Stage tiers() {
    return new ProbeStage(Dataflow.TIERS);
  }

  @Bean
  Stage interactions() {
    return new ProbeStage(Dataflow.INTERACTIONS);
  }
}
