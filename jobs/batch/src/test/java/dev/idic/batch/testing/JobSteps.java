package dev.idic.batch.testing;

import dev.idic.batch.PipelineStages;
import dev.idic.batch.job.NightStages;
import dev.idic.stages.contract.Dataflow;
import dev.idic.stages.contract.Stage;
import java.util.List;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** The step names of the production nightly job, in run order, whatever stages it has today. */
public final class JobSteps {

  private JobSteps() {}

  public static List<String> production() {
    try (AnnotationConfigApplicationContext context =
        new AnnotationConfigApplicationContext(PipelineStages.class)) {
      return Dataflow.order(context.getBean(NightStages.class).stages()).stream()
          .map(Stage::name)
          .toList();
    }
  }
}
