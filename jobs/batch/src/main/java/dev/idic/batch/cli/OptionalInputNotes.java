package dev.idic.batch.cli;

import dev.idic.stages.settings.PipelineSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * What a night's outputs lack when an optional input is not configured, in words for the console:
 * the tables are published all the same, and without this note they read as if they were real.
 */
final class OptionalInputNotes {

  private OptionalInputNotes() {}

  /** One note per absent optional input that changes what the tables and lists mean. */
  static List<String> of(PipelineSettings settings) {
    return of(settings.interactions() != null, settings.customers() != null);
  }

  static List<String> of(boolean interactions, boolean customers) {
    List<String> notes = new ArrayList<>();
    if (!interactions) {
      notes.add(
          "No interactions input (inputs.interactions is not set): with no contact history the"
              + " contact plan counts from first purchases, so every VIP and Key customer whose"
              + " first purchase lies more than one contact cadence back is overdue"
              + " (list_vip_key_overdue), and contact_plan, complaint_outcomes, difficulty_summary"
              + " and contact_mix_by_tier count no contacts: they are not real figures. Set"
              + " inputs.interactions to get them.");
    }
    if (!customers) {
      notes.add(
          "No customers input (inputs.customers is not set): customers are known from their"
              + " transactions alone, and the marketer lists carry ids and figures but no contact"
              + " details from a customer master.");
    }
    return notes;
  }

  /** Whether the interaction tables hold real contacts, and so are worth a place in a summary. */
  static boolean hasInteractions(PipelineSettings settings) {
    return settings.interactions() != null;
  }
}
