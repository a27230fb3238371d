package dev.idic.batch.config;

import static dev.idic.batch.config.SectionContext.orDefault;

import dev.idic.stages.settings.ContactSettings;

/**
 * The {@code contact} section. A tier given in {@code contact.cadence} is taken as written (no
 * visit key: no visits); a tier or key left out keeps its value of {@link
 * ContactSettings#DEFAULTS}. The interaction rules (lifecycle, difficulty, loyalty) are not
 * configurable.
 */
final class ContactSection extends Section<RawConfig.Contact, ContactSettings> {

  ContactSection(SectionContext context) {
    super(context, ContactSettings.DEFAULTS);
  }

  @Override
  protected ContactSettings fromFile(RawConfig.Contact raw, ContactSettings defaults) {
    RawConfig.Cadences cadence = raw.cadence();
    try {
      return new ContactSettings(
          cadence(cadence == null ? null : cadence.vip(), defaults.vip()),
          cadence(cadence == null ? null : cadence.key(), defaults.key()),
          cadence(cadence == null ? null : cadence.regular(), defaults.regular()),
          cadence(cadence == null ? null : cadence.small(), defaults.small()),
          cadence(cadence == null ? null : cadence.basicService(), defaults.basicService()),
          orDefault(raw.complaintSlaHours(), defaults.complaintSlaHours()),
          orDefault(raw.churnPeriodDays(), defaults.churnPeriodDays()),
          defaults.lifecycle(),
          defaults.difficulty(),
          defaults.loyalty());
    } catch (IllegalArgumentException e) {
      throw context.invalid(
          "contact",
          e.getMessage(),
          "use whole positive numbers of months and hours, and a positive churn period");
    }
  }

  private static ContactSettings.Cadence cadence(
      RawConfig.Cadence raw, ContactSettings.Cadence defaults) {
    return raw == null
        ? defaults
        : new ContactSettings.Cadence(raw.callEveryMonths(), raw.visitEveryMonths());
  }
}
