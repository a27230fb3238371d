package dev.idic.batch.job;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.batch.core.step.StepExecution;

/**
 * The steps of one job instance as its executions ran them: for each step name the latest
 * execution, in the order the steps ran. A restart skips completed steps, so a step's latest
 * execution may belong to an earlier job execution; step execution ids grow with time, which gives
 * both "latest" and the run order without a list of step names.
 */
final class InstanceSteps {

  private InstanceSteps() {}

  /** The latest of the given step executions per step name, in run order. */
  static List<StepExecution> latest(Stream<StepExecution> steps) {
    Map<String, StepExecution> latest = new LinkedHashMap<>();
    steps
        .sorted(Comparator.comparingLong(StepExecution::getId))
        .forEach(step -> latest.put(step.getStepName(), step));
    return latest.values().stream().sorted(Comparator.comparingLong(StepExecution::getId)).toList();
  }
}
