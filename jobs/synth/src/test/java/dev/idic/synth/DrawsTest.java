package dev.idic.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.idic.synth.Draws.Stream;
import org.junit.jupiter.api.Test;

class DrawsTest {

  private static final int SAMPLES = 200_000;

  @Test
  void gammaHasTheRequestedMeanAndVarianceForShapesBelowAndAboveOne() {
    Draws draws = Draws.of(7, 0, Stream.PURCHASES);
    for (double[] shapeRate : new double[][] {{0.9, 18}, {4, 0.5}, {2.6, 25}}) {
      double shape = shapeRate[0];
      double rate = shapeRate[1];
      double sum = 0;
      double sumSquares = 0;
      for (int i = 0; i < SAMPLES; i++) {
        double x = draws.gamma(shape, rate);
        sum += x;
        sumSquares += x * x;
      }
      double mean = sum / SAMPLES;
      double variance = sumSquares / SAMPLES - mean * mean;
      assertThat(mean)
          .as("mean of Gamma(%s, %s)", shape, rate)
          .isCloseTo(shape / rate, within(0.02 * shape / rate));
      assertThat(variance)
          .as("variance of Gamma(%s, %s)", shape, rate)
          .isCloseTo(shape / (rate * rate), within(0.05 * shape / (rate * rate)));
    }
  }

  @Test
  void betaAndGeometricHaveTheirMeans() {
    Draws draws = Draws.of(7, 1, Stream.PURCHASES);
    double betaSum = 0;
    double trialsSum = 0;
    for (int i = 0; i < SAMPLES; i++) {
      betaSum += draws.beta(1, 14);
      trialsSum += draws.trialsUntilSuccess(0.2);
    }
    assertThat(betaSum / SAMPLES).as("mean of Beta(1, 14)").isCloseTo(1 / 15.0, within(0.002));
    assertThat(trialsSum / SAMPLES)
        .as("mean trials until a 0.2 success")
        .isCloseTo(5.0, within(0.05));
  }

  @Test
  void streamsAreReproducibleAndIndependentOfEachOther() {
    assertThat(Draws.of(1, 42, Stream.PURCHASES).uniform())
        .as("same seed, customer and stream")
        .isEqualTo(Draws.of(1, 42, Stream.PURCHASES).uniform());
    assertThat(Draws.of(1, 42, Stream.CONTACTS).uniform())
        .as("another stream of the same customer")
        .isNotEqualTo(Draws.of(1, 42, Stream.PURCHASES).uniform());
    assertThat(Draws.of(1, 43, Stream.PURCHASES).uniform())
        .as("the next customer")
        .isNotEqualTo(Draws.of(1, 42, Stream.PURCHASES).uniform());
  }
}
