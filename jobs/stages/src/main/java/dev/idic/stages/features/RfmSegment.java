package dev.idic.stages.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * The widely used R/F segment map: a customer's segment follows from the recency score (rows) and
 * the frequency score (columns), both 1..5.
 *
 * <pre>
 *         F=1              F=2..3               F=4..5
 * R=5     new_customers    potential_loyalists  champions
 * R=4     promising        potential_loyalists  loyal_customers
 * R=3     about_to_sleep   about_to_sleep/need_attention(F=3)  loyal_customers
 * R=1..2  hibernating (F 1..2), at_risk (F 3..4), cant_lose (F 5)
 * </pre>
 */
public final class RfmSegment {

  private RfmSegment() {}

  public static Column of(Column r, Column f) {
    return when(r.leq(2).and(f.leq(2)), lit("hibernating"))
        .when(r.leq(2).and(f.leq(4)), lit("at_risk"))
        .when(r.leq(2), lit("cant_lose"))
        .when(r.equalTo(3).and(f.leq(2)), lit("about_to_sleep"))
        .when(r.equalTo(3).and(f.equalTo(3)), lit("need_attention"))
        .when(r.leq(4).and(f.geq(4)), lit("loyal_customers"))
        .when(r.equalTo(4).and(f.equalTo(1)), lit("promising"))
        .when(r.equalTo(5).and(f.equalTo(1)), lit("new_customers"))
        .when(f.leq(3), lit("potential_loyalists"))
        .otherwise(lit("champions"));
  }

  public static Column of(String rColumn, String fColumn) {
    return of(col(rColumn), col(fColumn));
  }
}
