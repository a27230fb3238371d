package dev.idic.stages.contract;

/**
 * One table of the nightly dataflow: staged by a stage for later stages, published to the
 * warehouse, or both. Published tables are partitioned by {@link #PARTITION_COLUMN}; the constants
 * live in {@link Tables}, and who reads and writes each is declared in {@link Dataflow}.
 *
 * @param name the folder name, also the name in {@code schemas/}
 * @param schema where its columns are defined: {@code schemas/output/<name>.json}, or the input
 *     contract an accepted table keeps the columns of
 * @param publication whether and how the publish stage puts it into the warehouse
 */
public record Table(String name, String schema, Publication publication) {

  /** Every published table is partitioned by the run's as-of date, as {@code as_of_date=D}. */
  public static final String PARTITION_COLUMN = "as_of_date";

  /** How a table reaches the warehouse. */
  public enum Publication {
    /** Handed from one stage to the next under the run's staging folder only. */
    STAGED_ONLY,
    /** Published as Parquet. */
    PARQUET,
    /** Published as Parquet and, for spreadsheets, as one CSV file in {@code <name>_csv}. */
    PARQUET_AND_CSV
  }

  /** A table described by its own output contract. */
  static Table output(String name, Publication publication) {
    return new Table(name, "schemas/output/" + name + ".json", publication);
  }

  /** The accepted rows of an input, with the columns of the input's contract. */
  static Table accepted(String input) {
    return new Table(
        input + "_accepted", "schemas/input/" + input + ".json", Publication.STAGED_ONLY);
  }

  public boolean published() {
    return publication != Publication.STAGED_ONLY;
  }

  /** The output contract publish checks this table against. */
  public TableContract contract() {
    return TableContract.output(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
