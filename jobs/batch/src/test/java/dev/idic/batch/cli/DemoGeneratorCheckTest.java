package dev.idic.batch.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idic.stages.contract.ExitCode;
import dev.idic.stages.contract.IdicException;
import org.junit.jupiter.api.Test;

/**
 * The demo refuses clearly, rather than with a NoClassDefFoundError, where the generator is absent.
 */
class DemoGeneratorCheckTest {

  @Test
  void passesWhereTheGeneratorIsOnTheClasspath() {
    assertThatCode(() -> DemoCommand.requireGenerator(DemoCommand.class.getClassLoader()))
        .as("batch's classpath has idic-synth")
        .doesNotThrowAnyException();
  }

  @Test
  void failsWithAnEnvironmentErrorWhereTheGeneratorIsAbsent() {
    // A loader that sees only the JDK, as the spark-submit jar sees no dev.idic.synth class.
    ClassLoader withoutGenerator = new ClassLoader(null) {};

    assertThatThrownBy(() -> DemoCommand.requireGenerator(withoutGenerator))
        .as("the demo's check on a classpath without the generator")
        .isInstanceOf(IdicException.class)
        .hasMessageStartingWith("idic demo: the demo needs the synthetic data generator")
        .hasMessageContaining("which the spark-submit jar leaves out")
        .hasMessageContaining("Fix: run ./idic demo from a checkout")
        .extracting(e -> ((IdicException) e).exitCode())
        .isEqualTo(ExitCode.ENVIRONMENT);
  }
}
