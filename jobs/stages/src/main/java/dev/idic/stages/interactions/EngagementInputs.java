package dev.idic.stages.interactions;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The staged tables the engagement of a run is built from. Optional inputs that a run does not have
 * are empty frames with their contract's columns, so the transforms have one shape to handle.
 *
 * @param tiersDF {@code customer_tiers}: customer_id, tier, tier_basis, basis_value, value_rank,
 *     top_percent
 * @param featuresDF {@code customer_features}: customer_id, first_purchase_date,
 *     last_purchase_date, days_since_last_purchase, frequency
 * @param recentPurchasesDF {@code recent_purchases}: customer_id and the recent purchase figures
 * @param interactionsDF {@code interactions_accepted}, possibly empty
 * @param scoresDF {@code customer_scores}: customer_id, p_alive; possibly empty
 * @param walletDF {@code wallet_estimates_accepted}: customer_id, estimated_category_spend;
 *     possibly empty
 * @param interactionsObserved whether the night has an interactions input at all: without one the
 *     contact and complaint figures are zero by construction, not observed
 */
public record EngagementInputs(
    Dataset<Row> tiersDF,
    Dataset<Row> featuresDF,
    Dataset<Row> recentPurchasesDF,
    Dataset<Row> interactionsDF,
    Dataset<Row> scoresDF,
    Dataset<Row> walletDF,
    boolean interactionsObserved) {}
