package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/** Pieces of the plain-language reasons, so that they read "1 day" and "2 days". */
final class Phrases {

  private Phrases() {}

  /** A whole number with its noun: "1 complaint", "3 complaints". */
  static Column count(Column n, String singular, String plural) {
    // concat, not format_string: Spark's format_string parses its pattern again for every row.
    return concat(
        n.cast("string"), lit(" "), when(n.equalTo(1), lit(singular)).otherwise(lit(plural)));
  }

  /** A number of days: "1 day", "42 days". */
  static Column days(Column n) {
    return count(n, "day", "days");
  }
}
