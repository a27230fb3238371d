package dev.idic.stages.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StringType;

/**
 * The row checks in the order they are added, each a condition with its reason code and the words
 * of its detail: the first that holds names the row's reason and detail.
 */
final class RejectionChecks {

  private final List<Column> reasons = new ArrayList<>();
  private final List<Column> details = new ArrayList<>();

  /** Adds a check: rows for which {@code rejected} holds get {@code reason} and {@code detail}. */
  RejectionChecks add(Column rejected, String reason, Column detail) {
    reasons.add(when(rejected, lit(reason)));
    details.add(when(rejected, detail));
    return this;
  }

  /** The row could not be split into columns: the reader kept its raw text. */
  RejectionChecks addMalformed() {
    Column malformed = col(RawInputReader.MALFORMED).isNotNull();
    return add(
        malformed,
        QuarantineReason.MALFORMED_ROW,
        concat(lit("cannot split into columns: "), col(RawInputReader.MALFORMED)));
  }

  /** A text column holds the replacement character, which the reader puts for undecodable bytes. */
  RejectionChecks addBadEncoding(Dataset<Row> rawDF, List<String> sourceColumns, String encoding) {
    Column bad = lit(false);
    for (String name : sourceColumns) {
      if (rawDF.schema().apply(name).dataType() instanceof StringType) {
        bad = bad.or(coalesce(col(name).contains("\uFFFD"), lit(false)));
      }
    }
    return add(
        bad, QuarantineReason.INVALID_ENCODING, lit("text contains bytes invalid in " + encoding));
  }

  /** The first failing check's reason code; null when every check passes. */
  Column reason() {
    return coalesce(reasons.toArray(Column[]::new));
  }

  /** The first failing check's detail; null when every check passes. */
  Column detail() {
    return coalesce(details.toArray(Column[]::new));
  }
}
