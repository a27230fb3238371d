package dev.idic.stages.testing;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** Tiny DataFrames for transform tests. */
public final class Rows {

  private Rows() {}

  /** Accepted transactions from (customer, yyyy-MM-dd, amount) triples. */
  public static Dataset<Row> transactions(Object... customerDateAmount) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < customerDateAmount.length; i += 3) {
      rows.add(
          RowFactory.create(
              customerDateAmount[i],
              Date.valueOf((String) customerDateAmount[i + 1]),
              new BigDecimal(customerDateAmount[i + 2].toString()).setScale(2)));
    }
    StructType schema =
        StructType.fromDDL("customer_id string, purchase_date date, amount decimal(18,2)");
    return LocalSpark.session().createDataFrame(rows, schema);
  }

  public static Dataset<Row> of(String ddl, Object[]... values) {
    List<Row> rows = new ArrayList<>();
    for (Object[] v : values) {
      rows.add(RowFactory.create(v));
    }
    return LocalSpark.session().createDataFrame(rows, StructType.fromDDL(ddl));
  }
}
