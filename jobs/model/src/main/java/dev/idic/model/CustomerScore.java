package dev.idic.model;

import java.io.Serializable;

/**
 * One customer's model outputs over the CLV horizon.
 *
 * @param probabilityAlive P(alive) at the end of observation
 * @param expectedPurchases expected purchases over the horizon
 * @param probabilityNoPurchase P(no purchase over the horizon)
 * @param expectedAverageValue Gamma-Gamma conditional expected value per purchase
 * @param clv discounted expected value over the horizon
 */
public record CustomerScore(
    double probabilityAlive,
    double expectedPurchases,
    double probabilityNoPurchase,
    double expectedAverageValue,
    double clv)
    implements Serializable {

  private static final long serialVersionUID = 1L;
}
