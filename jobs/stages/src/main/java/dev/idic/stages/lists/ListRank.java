package dev.idic.stages.lists;

import dev.idic.stages.rank.GlobalRank;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code list_rank} of a marketer list: 1 = the first customer to work on, in the list's own
 * order. It travels with each row, so the order survives joins, re-sorting and CSV imports that do
 * not keep the file's row order.
 */
public final class ListRank {

  public static final String COLUMN = "list_rank";

  private ListRank() {}

  /**
   * {@code listDF} with {@link #COLUMN} by {@code ordering}, which must be total (end it with a
   * unique column), sorted by it.
   */
  public static Dataset<Row> ranked(Dataset<Row> listDF, Column... ordering) {
    return GlobalRank.withRank(listDF, List.of(ordering), COLUMN, null, null).orderBy(COLUMN);
  }
}
