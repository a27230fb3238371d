package dev.idic.batch.job;

import dev.idic.stages.contract.Stage;
import java.util.List;

/**
 * The stages a nightly job is built from, as one bean: the job runs them in the order their
 * declared tables give, whatever order they are listed in.
 */
public record NightStages(List<Stage> stages) {

  public NightStages {
    stages = List.copyOf(stages);
  }

  public static NightStages of(Stage... stages) {
    return new NightStages(List.of(stages));
  }
}
