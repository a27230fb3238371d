package dev.idic.stages.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.idic.stages.testing.LocalSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ContactMixByTierTest {

  @Test
  void sharesAreRatiosOfSumsPerTierAndOverall() {
    List<Row> rows =
        ContactMixByTier.apply(
                LocalSpark.session()
                    .createDataFrame(
                        List.of(
                            customer("a", "vip", 1, 3, 0),
                            customer("b", "vip", 0, 0, 0),
                            customer("c", "key", 0, 1, 1),
                            customer("d", "small", 0, 0, 0)),
                        schema()))
            .collectAsList();
    assertThat(rows)
        .extracting(r -> r.<String>getAs("tier"))
        .as("tiers in value order, no overall row to double the sums")
        .containsExactly("vip", "key", "small");

    Row vip = rows.get(0);
    assertThat(vip.<Long>getAs("customers_contacted_365d")).as("a only").isEqualTo(1L);
    assertThat(vip.<Long>getAs("interactions_365d")).as("4 interactions").isEqualTo(4L);
    assertThat(vip.<Double>getAs("interactions_per_customer_365d"))
        .as("4 / 2")
        .isCloseTo(2.0, within(1e-12));
    assertThat(vip.<Double>getAs("share_face_to_face")).as("1 of 4").isCloseTo(0.25, within(1e-12));
    assertThat(vip.<Double>getAs("share_phone")).as("3 of 4").isCloseTo(0.75, within(1e-12));
    assertThat(vip.<Double>getAs("company_initiated_share"))
        .as("all 4 by the company")
        .isCloseTo(1.0, within(1e-12));

    assertThat(rows.get(2).<Object>getAs("share_phone")).as("no interactions: no share").isNull();

    // Overall shares are the tiers' shares weighted by their interactions.
    long interactions = rows.stream().mapToLong(r -> r.<Long>getAs("interactions_365d")).sum();
    assertThat(interactions).as("4 + 2").isEqualTo(6L);
    assertThat(weightedShare(rows, "share_email") / interactions)
        .as("1 of 6")
        .isCloseTo(1.0 / 6, within(1e-12));
    assertThat(weightedShare(rows, "company_initiated_share") / interactions)
        .as("5 of 6")
        .isCloseTo(5.0 / 6, within(1e-12));
  }

  private static double weightedShare(List<Row> rows, String share) {
    return rows.stream()
        .filter(r -> r.getAs(share) != null)
        .mapToDouble(r -> r.<Double>getAs(share) * r.<Long>getAs("interactions_365d"))
        .sum();
  }

  /**
   * A customer with face-to-face, phone and email counts; the company started all but the emails.
   */
  private static Row customer(String id, String tier, long faceToFace, long phone, long email) {
    List<Object> values =
        new ArrayList<>(List.of(id, tier, faceToFace + phone + email, faceToFace + phone));
    for (String c : Channels.ALL) {
      values.add(
          switch (c) {
            case "face_to_face" -> faceToFace;
            case "phone" -> phone;
            case "email" -> email;
            default -> 0L;
          });
    }
    return RowFactory.create(values.toArray());
  }

  private static StructType schema() {
    StructType schema =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("tier", DataTypes.StringType)
            .add("interactions_365d", DataTypes.LongType)
            .add("company_initiated_365d", DataTypes.LongType);
    for (String c : Channels.ALL) {
      schema = schema.add("interactions_365d_" + c, DataTypes.LongType);
    }
    return schema;
  }
}
