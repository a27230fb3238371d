package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.round;
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

  /**
   * A percent of customers as a reader says it, rounded up to hundredths so that nobody is placed
   * higher than they rank: "3", "20.03", "0.01" (never "0").
   */
  static Column percent(Column percent) {
    // rounded first so that 3% is not read as 3.0000000000000004% and called top 3.01%
    Column hundredths = greatest(lit(1), ceil(round(percent.multiply(100), 6)));
    return regexp_replace(format_number(hundredths.divide(100), 2), "\\.?0+$", "");
  }

  /** A number of days: "1 day", "42 days". */
  static Column days(Column n) {
    return count(n, "day", "days");
  }
}
