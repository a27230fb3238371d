package dev.idic.model;

import java.io.Serializable;

/**
 * The scores that depend only on a purchase history (x, tx, T), over the CLV horizon.
 *
 * @param probabilityAlive P(alive) at the end of observation
 * @param expectedPurchases expected purchases over the horizon
 * @param probabilityNoPurchase P(no purchase over the horizon)
 * @param discountedPurchases sum over months i of the month's expected purchases / (1 + d)^i; CLV
 *     is this times the expected value per purchase
 */
public record PatternScore(
    double probabilityAlive,
    double expectedPurchases,
    double probabilityNoPurchase,
    double discountedPurchases)
    implements Serializable {

  private static final long serialVersionUID = 1L;
}
