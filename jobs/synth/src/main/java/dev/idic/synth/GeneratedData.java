package dev.idic.synth;

/**
 * Where {@link SyntheticDataGenerator#generate} wrote each input and how many rows it holds.
 *
 * @param transactions folder of the transactions input
 * @param interactions folder of the interactions input, null when omitted
 * @param customers folder of the customers input
 * @param walletEstimates folder of the wallet estimates input
 * @param truth the JSON file with the spec and the true model parameters
 * @param transactionRows rows in transactions, malformed rows included
 * @param interactionRows rows in interactions (0 when omitted)
 * @param customerRows rows in customers
 * @param walletEstimateRows rows in wallet estimates
 */
public record GeneratedData(
    String transactions,
    String interactions,
    String customers,
    String walletEstimates,
    String truth,
    long transactionRows,
    long interactionRows,
    long customerRows,
    long walletEstimateRows) {}
