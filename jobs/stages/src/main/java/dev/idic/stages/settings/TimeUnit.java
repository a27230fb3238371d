package dev.idic.stages.settings;

/** The unit of recency, T and horizons in the model inputs. */
public enum TimeUnit {
  DAYS(1.0),
  WEEKS(7.0);

  private final double days;

  TimeUnit(double days) {
    this.days = days;
  }

  /** Length of one unit in days. */
  public double days() {
    return days;
  }
}
