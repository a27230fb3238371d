package dev.idic.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NightSummaryTest {

  @Test
  void anAbsentInteractionsInputSaysVipAndKeyCustomersAreOverdueFromTheirFirstPurchase() {
    List<String> notes = OptionalInputNotes.of(false, true);

    assertThat(notes).hasSize(1);
    assertThat(notes.get(0))
        .contains("inputs.interactions", "every VIP and Key customer whose first purchase")
        .contains("is overdue (list_vip_key_overdue)")
        .contains("contact_plan", "complaint_outcomes", "difficulty_summary", "not real");
  }

  @Test
  void anAbsentCustomersInputSaysTheListsHaveNoContactDetails() {
    assertThat(OptionalInputNotes.of(true, false))
        .singleElement()
        .asString()
        .contains("inputs.customers", "no contact details");
  }

  @Test
  void withEveryOptionalInputThereIsNothingToNote() {
    assertThat(OptionalInputNotes.of(true, true)).isEmpty();
  }

  @Test
  void longNotesWrapAtSpacesUnderOneHundredColumnsWithAnIndent() {
    String text = "Note: " + "word ".repeat(60).strip();

    List<String> lines = NightSummary.wrap(text, "      ");

    assertThat(lines).hasSizeGreaterThan(2).allMatch(line -> line.length() <= 100);
    assertThat(lines.get(0)).startsWith("Note: word");
    assertThat(lines.subList(1, lines.size())).allMatch(line -> line.startsWith("      word"));
    assertThat(String.join(" ", lines).replaceAll(" +", " ")).isEqualTo(text);
  }
}
