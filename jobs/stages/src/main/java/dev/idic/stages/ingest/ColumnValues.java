package dev.idic.stages.ingest;

import static org.apache.spark.sql.functions.btrim;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.contract.ColumnContract;
import dev.idic.stages.settings.InputSource;
import java.time.ZoneId;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampType;

/**
 * How one source column becomes its contract value, and what makes that value valid: the parsing
 * shared by the row checks and the key checks, so that both see the same key.
 */
record ColumnValues(InputSource source, ZoneId zone) {

  /** A time of day followed by an offset: such values are instants and ignore the zone setting. */
  private static final String HAS_OFFSET =
      "\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?\\s*(Z|[+-]\\d{2}(:?\\d{2})?)$";

  private static final String THOUSANDS = "^[+-]?\\d{1,3}([,']\\d{3})+(\\.\\d+)?$";

  /** What Java's {@code \\s} matches: trimmed from both ends of text values. */
  private static final String WHITE_SPACE = " \t\n\u000B\f\r";

  /** The text of a string source without surrounding white space. */
  static Column trimmed(Column raw) {
    return btrim(raw, lit(WHITE_SPACE));
  }

  /** The contract value of a column; {@code text} is the trimmed text of a string source. */
  Column parse(ColumnContract column, Column raw, Column text, DataType rawType) {
    DataType target = DataType.fromDDL(column.type());
    if (target instanceof TimestampType) {
      return timestamp(raw, text, rawType);
    }
    if (target instanceof StringType) {
      Column value = text == null ? raw.cast("string") : text;
      return column.allowed().isEmpty() ? value : lower(value);
    }
    if (text != null) {
      Column number =
          target instanceof DecimalType
              ? text.try_cast(DataTypes.createDecimalType(38, 10)).try_cast(target)
              : text.try_cast(target);
      return when(text.rlike(THOUSANDS), lit(null).cast(target)).otherwise(number);
    }
    return raw.try_cast(target);
  }

  private Column timestamp(Column raw, Column text, DataType rawType) {
    if (rawType instanceof TimestampType) {
      return raw;
    }
    if (rawType instanceof DateType) {
      return to_utc_timestamp(raw.cast("timestamp"), zone.getId());
    }
    if (text == null) {
      text = raw.cast("string");
    }
    // The Spark session runs in UTC, so a zone-less value parses as UTC wall time and is then
    // shifted from the configured zone to the instant it denotes.
    Column local =
        source.timestampFormat() == null
            ? text.try_cast(DataTypes.TimestampType)
            : try_to_timestamp(text, lit(source.timestampFormat()));
    return when(text.rlike(HAS_OFFSET), text.try_cast(DataTypes.TimestampType))
        .otherwise(to_utc_timestamp(local, zone.getId()));
  }

  /** Whether a parsed value meets its column's contract. */
  static Column valid(ColumnContract column, Column value) {
    Column ok = value.isNotNull();
    if (!column.allowed().isEmpty()) {
      // No allowed value has control characters: the set check alone decides.
      ok = ok.and(value.isin(column.allowed().toArray()));
    } else if (DataType.fromDDL(column.type()) instanceof StringType) {
      ok = ok.and(value.rlike("\\p{Cntrl}").unary_$bang());
    }
    if (column.min() != null) {
      ok = ok.and(value.geq(lit(column.min())));
    }
    if (column.max() != null) {
      ok = ok.and(value.leq(lit(column.max())));
    }
    return ok;
  }

  /** What a valid value looks like, in words, for the detail of an invalid one. */
  String expectation(ColumnContract column) {
    DataType type = DataType.fromDDL(column.type());
    String what;
    if (!column.allowed().isEmpty()) {
      what = "is not one of " + column.allowed();
    } else if (type instanceof TimestampType) {
      what =
          source.timestampFormat() == null
              ? "is not an ISO-8601 timestamp (set timestamp_format for other layouts)"
              : "does not match timestamp_format " + source.timestampFormat();
    } else if (type instanceof NumericType) {
      what = "is not a plain number (no thousands separators)";
    } else {
      what = "contains control characters";
    }
    if (column.min() != null || column.max() != null) {
      what += " or is outside [" + column.min() + ", " + column.max() + "]";
    }
    return what;
  }
}
