package dev.idic.model;

import java.io.Serializable;

/**
 * One sign that a fit, converged or not, describes the data badly: the reason code a quality gate
 * tests and the plain reason a human reads (also one of {@link ModelFit#warnings()}).
 *
 * @param kind what was detected
 * @param reason the figures behind it, in plain words
 */
public record FitDegeneracy(Kind kind, String reason) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The rules, applied after every fit by the fitters; see each constant. */
  public enum Kind {
    /** A log parameter beyond ±14 on the time-scaled data: it ran off towards 0 or infinity. */
    PARAMETER_AT_BOUND,
    /**
     * A standard error above its estimate (relative standard error above 1, that is a 95% interval
     * of the log parameter wider than a factor 7 each way): the data do not pin the parameter down
     * and its value, often near 0, is an artefact (BG/NBD a = 0.0034 with three times that as error
     * on a retail export with long regular histories).
     */
    PARAMETER_NOT_IDENTIFIED,
    /** No standard errors exist: the likelihood is flat in some direction at the estimates. */
    HESSIAN_NOT_POSITIVE_DEFINITE,
    /**
     * Purchase models only: fewer than 1% of the repeat buyers' weight has P(alive) below 1/2, so
     * the model sees almost nobody as inactive and P(alive) cannot rank customers by risk.
     */
    P_ALIVE_NEARLY_CONSTANT
  }
}
