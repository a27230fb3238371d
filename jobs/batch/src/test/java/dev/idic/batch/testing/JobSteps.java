package dev.idic.batch.testing;

import dev.idic.batch.PipelineStages;
import dev.idic.batch.job.NightlyJobConfiguration;
import dev.idic.stages.contract.Stage;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** The step names of the production nightly job, in run order, whatever stages it has today. */
public final class JobSteps {

  private JobSteps() {}

  public static List<String> production() {
    try (AnnotationConfigApplicationContext context =
        new AnnotationConfigApplicationContext(PipelineStages.class)) {
      Set<String> names =
          context.getBeansOfType(Stage.class).values().stream()
              .map(Stage::name)
              .collect(Collectors.toSet());
      return NightlyJobConfiguration.STAGE_ORDER.stream().filter(names::contains).toList();
    }
  }
}
