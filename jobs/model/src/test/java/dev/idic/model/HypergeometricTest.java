package dev.idic.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HypergeometricTest {

  @ParameterizedTest
  @CsvSource({"-0.9", "-0.3", "0.001", "0.5", "0.9", "0.999"})
  void logarithmClosedForm(double z) {
    // DLMF 15.4.2: 2F1(1, 1; 2; z) = -ln(1 - z) / z
    assertThat(Hypergeometric.value(1, 1, 2, z))
        .as("2F1(1,1;2;%s) against -ln(1-z)/z", z)
        .isCloseTo(-Math.log1p(-z) / z, Percentage.withPercentage(1e-11));
  }

  @ParameterizedTest
  @CsvSource({"0.7, 0.3", "2.5, -0.7", "12.0, 0.95", "0.3, -3.0", "4.0, -20.0"})
  void binomialClosedForm(double a, double z) {
    // DLMF 15.4.6: 2F1(a, b; b; z) = (1 - z)^-a
    assertThat(Hypergeometric.value(a, 1.3, 1.3, z))
        .as("2F1(%s,b;b;%s) against (1-z)^-a", a, z)
        .isCloseTo(Math.pow(1 - z, -a), Percentage.withPercentage(1e-10));
  }

  @ParameterizedTest
  @CsvSource({"0.2", "0.6", "0.95"})
  void inverseTrigonometricClosedForms(double x) {
    // DLMF 15.4.4 and 15.4.3: 2F1(1/2,1/2;3/2;x^2) = asin(x)/x, 2F1(1/2,1;3/2;-x^2) = atan(x)/x
    assertThat(Hypergeometric.value(0.5, 0.5, 1.5, x * x))
        .as("arcsine form at %s", x)
        .isCloseTo(Math.asin(x) / x, Percentage.withPercentage(1e-11));
    assertThat(Hypergeometric.value(0.5, 1, 1.5, -x * x))
        .as("arctangent form at %s", x)
        .isCloseTo(Math.atan(x) / x, Percentage.withPercentage(1e-11));
  }

  /** Reference values from mpmath 1.3.0 hyp2f1 at 40 significant digits. */
  @ParameterizedTest
  @CsvSource({
    "0.5, 1.5, 2.5, 0.3, 0.10261304075412550448",
    "2.2, -0.2, 2.9, 0.95, -0.30090179043951887494",
    "1000.5, 2.0, 1001.5, 0.9, 4.5875095455466654794",
    "29.243, 31.426, 31.219, 0.5, 20.406486590705226412",
    "3.0, 2.5, 1.5, -0.8, -3.9605845720425767281",
    "1.7, 0.4, 3.1, -5.0, -0.49030667692068459311",
    "0.6, 1.2, 1.4, 0.999, 3.1001014684447848182",
    "50.0, 60.0, 200.0, 0.7, 12.950012996935704431",
    "1.0, 1.0, 2.0, -0.9999, -0.36648505473877078537",
    "1030.5, 1031.2, 1032.2, 0.05, 52.806528927735776781"
  })
  void matchesHighPrecisionValues(double a, double b, double c, double z, double expectedLog) {
    assertThat(Hypergeometric.log2F1(a, b, c, z))
        .as("ln 2F1(%s, %s; %s; %s) against mpmath", a, b, c, z)
        .isCloseTo(expectedLog, within(1e-11 * Math.max(1, Math.abs(expectedLog))));
  }

  /** The Pareto/NBD family 2F1(q, k; k+1; z) near z = 1, against mpmath at 40 digits. */
  @ParameterizedTest
  @CsvSource({
    "1.5534, 6.2, 0.9, 2.687189114530663",
    "5.55, 6.2, 0.99, 21.25833513480752",
    "0.55, 0.8, 0.95, 0.4851840187219453",
    "1000.55, 1001.2, 0.999, 6904.648436836057",
    "3.0015, 3.6, 0.9999, 19.02137388654336",
    "20.3, 21.1, 0.8, 31.13207229640257",
    "1.7, 3.0, 0.76, 1.670642379635504"
  })
  void connectionFormulaNearOneMatchesHighPrecisionValues(
      double q, double k, double z, double expectedLog) {
    assertThat(Hypergeometric.log2F1UnitGapNearOne(q, k, z))
        .as("ln 2F1(%s, %s; %s + 1; %s) by DLMF 15.8.4", q, k, k, z)
        .isCloseTo(expectedLog, within(1e-10 * Math.max(1, Math.abs(expectedLog))));
    assertThat(Hypergeometric.log2F1(q, k, k + 1, z))
        .as("same value by the plain series")
        .isCloseTo(expectedLog, within(1e-10 * Math.max(1, Math.abs(expectedLog))));
  }

  @Test
  void logarithmStaysFiniteFarBeyondTheDoubleRange() {
    // 2F1(a, b; b; z) = (1-z)^-a: ln = 2000 ln 10 for a = 2000, z = 0.9 (value 1e2000)
    assertThat(Hypergeometric.log2F1(2000, 3.5, 3.5, 0.9))
        .as("log of a value far above Double.MAX_VALUE")
        .isCloseTo(2000 * Math.log(10), within(1e-9 * 2000 * Math.log(10)));
  }

  @Test
  void polynomialCaseTerminates() {
    // 2F1(-2, b; c; z) = 1 - 2bz/c + b(b+1)z^2/(c(c+1))
    double b = 1.5;
    double c = 2.5;
    double z = 0.7;
    assertThat(Hypergeometric.value(-2, b, c, z))
        .as("terminating series")
        .isCloseTo(1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1)), within(1e-15));
  }

  @Test
  void rejectsArgumentsOutsideTheSupportedRange() {
    assertThatThrownBy(() -> Hypergeometric.value(1, 1, 2, 1.0))
        .as("z = 1 is outside the series range")
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("z < 1");
    assertThatThrownBy(() -> Hypergeometric.value(1, 1, -2, 0.5))
        .as("c a non-positive integer")
        .isInstanceOf(ArithmeticException.class);
  }

  /**
   * 2F1(q, k; k+1; z) at integer q has elementary forms (DLMF 15.4.6 and 15.4.2, Euler's integral).
   */
  @ParameterizedTest
  @CsvSource({"0.2", "0.9", "0.9999", "0.99999999"})
  void unitGapFamilyAtIntegerQMatchesClosedForms(double z) {
    // 2 int_0^1 t (1-zt)^-1 dt = 2 (-ln(1-z) - z) / z^2
    double oneTwo = 2 * (-Math.log1p(-z) - z) / (z * z);
    assertThat(Hypergeometric.log2F1UnitGap(1, 2, z))
        .as("2F1(1,2;3;z)")
        .isCloseTo(Math.log(oneTwo), within(1e-8 * Math.max(1, Math.log(oneTwo))));
    assertThat(Hypergeometric.log2F1UnitGap(1, 1, z))
        .as("2F1(1,1;2;z) = -ln(1-z)/z")
        .isCloseTo(Math.log(-Math.log1p(-z) / z), within(1e-8));
    // 2 int_0^1 t (1-zt)^-2 dt = 2 (z/(1-z) + ln(1-z)) / z^2
    double twoTwo = 2 * (z / (1 - z) + Math.log1p(-z)) / (z * z);
    assertThat(Hypergeometric.log2F1UnitGap(2, 2, z))
        .as("2F1(2,2;3;z)")
        .isCloseTo(Math.log(twoTwo), within(1e-8 * Math.max(1, Math.log(twoTwo))));
  }

  /**
   * q at or within 1e-3 of an integer and z near 1, where the plain series needs millions of terms
   * and the connection formula has cancelling poles: against mpmath 1.3.0 hyp2f1 at 40 digits.
   */
  @ParameterizedTest
  @CsvSource({
    "1.0, 1.3, 0.999999, 2.8581787782594455917",
    "1.0004, 1.8, 0.99999, 2.955891524662786991",
    "2.0, 5.5, 0.9999, 10.911921599675664121",
    "0.9995, 2.2, 0.999, 2.5443885578337465412",
    "1.0, 42.6, 0.9999999, 6.2200269321819961428",
    "3.0, 3.6, 0.99995, 20.394681851980258483"
  })
  void unitGapFamilyNearIntegerQMatchesHighPrecisionValues(
      double q, double k, double z, double expectedLog) {
    assertThat(Hypergeometric.log2F1UnitGap(q, k, z))
        .as("ln 2F1(%s, %s; %s + 1; %s)", q, k, k, z)
        .isCloseTo(expectedLog, within(1e-8 * Math.max(1, Math.abs(expectedLog))));
  }

  @Test
  void unitGapFamilyRefusesAHopelesslyLongSeriesAtOnce() {
    assertThatThrownBy(() -> Hypergeometric.log2F1UnitGap(5e6, 5e6 + 2, 0.5))
        .as("about 3e7 terms: refused, not summed")
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("budget");
  }
}
