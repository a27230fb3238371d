package dev.idic.batch.testing;

import dev.idic.stages.contract.Dataflow;
import dev.idic.stages.contract.Stage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Only ingest, tiers and publish: the job must skip the steps without a bean. */
@Configuration(proxyBeanMethods = false)
public class SomeProbeStages {

  @Bean
  Stage ingest() {
    return new ProbeStage(Dataflow.INGEST);
  }

  @Bean
  Stage tiers() {
    return new ProbeStage(Dataflow.TIERS);
  }

  @Bean
  Stage publish() {
    return new ProbeStage(Dataflow.PUBLISH);
  }
}
