package dev.idic.stages.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idic.stages.settings.ContactSettings.Cadence;
import dev.idic.stages.settings.ContactSettings.DifficultyRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactSettingsTest {

  @Test
  void defaultsAreTheSourceMaterialsCadences() {
    ContactSettings defaults = ContactSettings.defaults();
    assertThat(defaults.cadenceOf("vip"))
        .as("VIP: monthly call, quarterly visit")
        .isEqualTo(new Cadence(1, 3));
    assertThat(defaults.cadenceOf("key"))
        .as("Key: quarterly call, half-yearly visit")
        .isEqualTo(new Cadence(3, 6));
    assertThat(defaults.cadenceOf("regular"))
        .as("Regular: half-yearly call, yearly visit")
        .isEqualTo(new Cadence(6, 12));
    assertThat(defaults.cadenceOf("SMALL"))
        .as("Small: yearly call, no visit; tier names ignore case")
        .isEqualTo(new Cadence(12, null));
    assertThat(defaults.complaintSlaHours()).as("48-hour SLA").isEqualTo(48.0);
    assertThat(defaults.churnPeriodDays()).as("90-day churn period").isEqualTo(90);
  }

  @Test
  void rejectsAnUnknownTierWithTheNamesItAccepts() {
    assertThatThrownBy(() -> ContactSettings.defaults().cadenceOf("gold"))
        .as("unknown tier")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown tier 'gold': expected one of vip, key, regular, small");
  }

  @Test
  void rejectsInconsistentThresholds() {
    assertThatThrownBy(() -> new Cadence(0, 3))
        .as("a zero cadence")
        .hasMessageContaining("callEveryMonths must be positive or absent, got 0");
    assertThatThrownBy(() -> new DifficultyRules(List.of(), 2, 3, 2, 6))
        .as("demanding below normal")
        .hasMessageContaining("normalFromPoints <= demandingFromPoints");
  }

  @Test
  void lowerCasesDisputeOutcomes() {
    assertThat(new DifficultyRules(List.of("Chargeback"), 2, 1, 3, 6).disputeOutcomes())
        .as("matched case-insensitively")
        .containsExactly("chargeback");
  }
}
