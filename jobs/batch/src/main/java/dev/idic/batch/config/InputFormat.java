package dev.idic.batch.config;

import java.util.Locale;

/** The file formats an input may be in; the stages receive the lower-case name. */
enum InputFormat {
  CSV,
  WHITESPACE,
  PARQUET,
  JSONL;

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format of a lower-case name as the stages receive it. */
  static InputFormat of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
