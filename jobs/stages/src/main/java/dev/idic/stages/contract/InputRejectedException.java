package dev.idic.stages.contract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by a stage when an input is refused as a whole, for example because its share of
 * quarantined rows exceeds the configured reject ratio. It ends the command with {@link
 * ExitCode#INPUT_REJECTED}, distinct from a failed run, so a scheduler can tell bad data from a
 * broken pipeline.
 *
 * <p>It carries the refusing stage's report, so that the refused night's counts reach the run
 * manifest like a completed night's.
 */
public class InputRejectedException extends IdicException {

  private static final long serialVersionUID = 1L;

  private final List<RejectedInput> inputs;
  private final transient StageReport report;

  /**
   * @param inputs the refused inputs
   * @param evidenceAt where the user finds the quarantined records and the counts
   * @param report the refusing stage's counts
   */
  public InputRejectedException(List<RejectedInput> inputs, String evidenceAt, StageReport report) {
    super(
        ExitCode.INPUT_REJECTED,
        "Input "
            + inputs.stream().map(RejectedInput::describe).collect(Collectors.joining(". Input "))
            + ". "
            + evidenceAt
            + " Fix the input or raise max_reject_ratio in the configuration.",
        null);
    this.inputs = List.copyOf(inputs);
    this.report = report;
  }

  public List<RejectedInput> inputs() {
    return inputs;
  }

  /** The refusing stage's counts, as a completed stage would have reported them. */
  public StageReport report() {
    return report;
  }
}
