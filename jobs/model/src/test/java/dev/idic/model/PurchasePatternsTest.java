package dev.idic.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PurchasePatternsTest {

  private final PurchasePatterns patterns =
      PurchasePatterns.of(
          new int[] {0, 1, 2, 3, 4, 5, 6},
          new double[] {0, 1, 2, 3, 4, 5, 6},
          new double[] {10, 10, 10, 10, 10, 10, 10},
          new double[] {1, 2, 3, 4, 5, 6, 7});

  @Test
  void anEvenSampleTakesEveryNthPatternWithItsWeight() {
    PurchasePatterns sample = patterns.evenSample(3);

    assertThat(sample.size()).as("every 3rd of 7").isEqualTo(3);
    for (int j = 0; j < 3; j++) {
      assertThat(sample.frequency(j)).isEqualTo(3 * j);
      assertThat(sample.recency(j)).isEqualTo(3.0 * j);
      assertThat(sample.weight(j)).isEqualTo(3.0 * j + 1);
    }
  }

  @Test
  void patternsNoMoreThanTheSampleSizeAreTheirOwnSample() {
    assertThat(patterns.evenSample(7)).isSameAs(patterns);
  }
}
