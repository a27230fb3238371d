package dev.idic.batch.testing;

import dev.idic.stages.contract.Stage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every stage of the nightly job as a probe; declared out of order on purpose. */
@Configuration(proxyBeanMethods = false)
public class AllProbeStages {

  @Bean
  Stage publish() {
    return new ProbeStage("publish");
  }

  @Bean
  Stage ingest() {
    return new ProbeStage("ingest");
  }

  @Bean
  Stage features() {
    return new ProbeStage("features");
  }

  @Bean
  Stage models() {
    return new ProbeStage("models");
  }

  @Bean
  Stage tiers() {
    return new ProbeStage("tiers");
  }

  @Bean
  Stage interactions() {
    return new ProbeStage("interactions");
  }
}
