package dev.idic.stages.spark;

import java.util.Iterator;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Row;

/** Lazy row-by-row transforms for {@code mapPartitions}, which hands over a plain iterator. */
public final class RowIterators {

  private RowIterators() {}

  /** The rows, each transformed as it is pulled: nothing of the partition is held in memory. */
  public static Iterator<Row> map(Iterator<Row> rows, UnaryOperator<Row> transform) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        return transform.apply(rows.next());
      }
    };
  }
}
