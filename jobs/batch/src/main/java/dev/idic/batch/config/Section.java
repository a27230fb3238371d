package dev.idic.batch.config;

/**
 * A section of the file that binds onto one settings record: left out, it is its defaults; given,
 * each key left out keeps its default.
 *
 * @param <R> the section as written ({@link RawConfig}'s nested record)
 * @param <S> the settings record the stages receive
 */
abstract class Section<R, S> {

  protected final SectionContext context;
  private final S defaults;

  Section(SectionContext context, S defaults) {
    this.context = context;
    this.defaults = defaults;
  }

  /** The settings of the section as written, or its defaults when the file leaves it out. */
  final S complete(R raw) {
    return raw == null ? defaults : fromFile(raw, defaults);
  }

  /** The settings from a section that is in the file, checked. */
  protected abstract S fromFile(R raw, S defaults);
}
