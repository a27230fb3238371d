package dev.idic.stages.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.model.BgNbdModel;
import dev.idic.model.FitStatus;
import dev.idic.model.GammaGammaModel;
import dev.idic.model.ModelFit;
import dev.idic.stages.contract.ExitCode;
import dev.idic.stages.contract.IdicException;
import dev.idic.stages.contract.RunPaths;
import dev.idic.stages.settings.TimeUnit;
import dev.idic.stages.settings.ValidationSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityGateTest {

  static final RunPaths PATHS = new RunPaths("/wh", LocalDate.parse("1998-06-30"));
  static final HoldoutWindow WINDOW =
      HoldoutWindow.endingAt(LocalDate.parse("1998-06-30"), 39, TimeUnit.WEEKS);

  @Test
  void anErrorAboveTheThresholdFailsWithExitSixNamingTheFigureAndTheTables() {
    IdicException error =
        QualityGate.check(validation(0.12, List.of()), new ValidationSettings(39, 0.05), PATHS)
            .orElseThrow();

    assertThat(error.exitCode()).isEqualTo(ExitCode.QUALITY_GATE_FAILED);
    assertThat(error.exitCode().code()).isEqualTo(6);
    assertThat(error.getMessage())
        .contains("|cum_repeat_error| is 12.0%")
        .contains("validation.max_abs_error 5.0%")
        .contains("/wh/_staging/as_of_date=1998-06-30/model_validation")
        .contains("Fix:");
  }

  @Test
  void aNegativeErrorCountsByItsSize() {
    assertThat(
            QualityGate.check(
                validation(-0.12, List.of()), new ValidationSettings(39, 0.05), PATHS))
        .isPresent();
    assertThat(
            QualityGate.check(
                validation(-0.04, List.of()), new ValidationSettings(39, 0.05), PATHS))
        .isEmpty();
  }

  @Test
  void aDegenerateFitFailsTheGateWhateverItsError() {
    IdicException error =
        QualityGate.check(
                validation(
                    0.0, List.of("a = 0.0034 ran off towards 0 (the data cannot identify it)")),
                new ValidationSettings(39, 0.15),
                PATHS)
            .orElseThrow();

    assertThat(error.exitCode()).isEqualTo(ExitCode.QUALITY_GATE_FAILED);
    assertThat(error.getMessage()).contains("degenerate").contains("a = 0.0034 ran off");
  }

  @Test
  void withoutAThresholdTheFiguresAreReportedOnly() {
    assertThat(
            QualityGate.check(
                validation(0.9, List.of("stalled")), new ValidationSettings(39, Double.NaN), PATHS))
        .isEmpty();
  }

  @Test
  void aMissingFigureFailsAnActiveGate() {
    assertThat(
            QualityGate.check(
                validation(Double.NaN, List.of()), new ValidationSettings(39, 0.15), PATHS))
        .as("no figure is no proof")
        .isPresent();
  }

  private static HoldoutValidation validation(double error, List<String> warnings) {
    ModelFit<BgNbdModel> purchase =
        new ModelFit<>(
            new BgNbdModel(0.243, 4.414, 0.793, 2.426),
            "bgnbd",
            BgNbdModel.PARAMETERS,
            new double[] {0.243, 4.414, 0.793, 2.426},
            new double[] {0.01, 0.4, 0.2, 0.7},
            -9582.4,
            2357,
            1000,
            20,
            FitStatus.CONVERGED,
            false,
            0.1,
            0.0,
            warnings,
            List.of());
    ModelFit<GammaGammaModel> spend =
        new ModelFit<>(
            new GammaGammaModel(6.25, 3.74, 15.44),
            "gamma_gamma",
            GammaGammaModel.PARAMETERS,
            new double[] {6.25, 3.74, 15.44},
            new double[] {1, 1, 1},
            -4000,
            946,
            900,
            20,
            FitStatus.CONVERGED,
            false,
            0.1,
            0.0,
            List.of(),
            List.of());
    return new HoldoutValidation(
        WINDOW,
        new HoldoutFits(List.of(purchase), spend, List.of()),
        Map.of(
            "bgnbd",
            Map.of(
                ValidationMetrics.CUM_REPEAT_ERROR,
                error,
                ValidationMetrics.CUM_REPEAT_EXPECTED,
                4339 * (1 + error),
                ValidationMetrics.CUM_REPEAT_ACTUAL,
                4339.0)),
        List.of(),
        List.of());
  }
}
