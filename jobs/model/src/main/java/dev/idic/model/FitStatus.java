package dev.idic.model;

/** How a maximum likelihood fit ended. */
public enum FitStatus {
  /** The gradient vanished to the tolerance. */
  CONVERGED,
  /** The iteration limit was reached before the gradient vanished. */
  MAX_ITERATIONS,
  /** No step along the search direction improved the objective; the gradient is not small. */
  STALLED,
  /** The wall-time budget ran out before the gradient vanished. */
  TIME_LIMIT
}
