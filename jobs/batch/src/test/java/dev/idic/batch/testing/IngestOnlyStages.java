package dev.idic.batch.testing;

import dev.idic.stages.contract.Stage;
import dev.idic.stages.ingest.IngestStage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A job of the real ingest stage only: bad-input tests need nothing after it. */
@Configuration(proxyBeanMethods = false)
public class IngestOnlyStages {

  @Bean
  Stage ingest() {
    return new IngestStage();
  }
}
