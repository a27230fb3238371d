package dev.idic.synth;

/** File format of the generated inputs. */
public enum OutputFormat {
  /** CSV with a header, every field as text exactly as a source system would export it. */
  CSV,
  /** Parquet with typed columns: timestamps as instants, amounts as decimal(18,2). */
  PARQUET
}
