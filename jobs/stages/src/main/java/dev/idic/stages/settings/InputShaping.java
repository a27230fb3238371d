package dev.idic.stages.settings;

import java.util.List;

/**
 * How a sales export is turned into the transactions contract before its rows are judged: columns
 * derived by expressions, rows set aside on purpose by named rules, the grain of a row, and what
 * happens to returns and to rows without a customer.
 *
 * @param grain whether a row is a whole transaction or one line of an order
 * @param derive columns computed from the source columns, in order (a later one may use an earlier)
 * @param exclude named rules, in order: a row matching one is excluded under the first that matches
 * @param returns what happens to transactions whose net amount is negative
 * @param missingCustomer what happens to rows without a customer id
 */
public record InputShaping(
    Grain grain,
    List<NamedExpression> derive,
    List<NamedExpression> exclude,
    Returns returns,
    MissingCustomer missingCustomer) {

  /** Rows are taken as they are: the contract's own shape. */
  public static final InputShaping NONE =
      new InputShaping(
          Grain.TRANSACTION, List.of(), List.of(), Returns.NET, MissingCustomer.QUARANTINE);

  /** The rule name under which rows without a customer id are excluded. */
  public static final String MISSING_CUSTOMER_RULE = "missing_customer";

  /** The rule name under which returns are excluded. */
  public static final String RETURN_RULE = "return";

  public InputShaping {
    derive = List.copyOf(derive);
    exclude = List.copyOf(exclude);
  }

  /** Whether any rule can exclude a row. */
  public boolean excludes() {
    return !exclude.isEmpty()
        || missingCustomer == MissingCustomer.EXCLUDE
        || returns == Returns.EXCLUDE;
  }

  /** A row is one transaction (the default), or one line of an order keyed by {@code order_id}. */
  public enum Grain {
    TRANSACTION,
    LINE
  }

  /**
   * A return is a transaction with a negative amount (with grain: line, an order whose lines sum
   * below zero: all its lines as read for the exclusion, before any rule judges them; the accepted
   * ones, which make its transaction, otherwise). It nets against the value of its purchase day and
   * the customer's spend (DESIGN.md, the default); or is excluded with its order; or is kept apart:
   * purchase days keep their full value, and the returns are reported per customer ({@code
   * returns_count}, {@code returned_amount}) and subtracted only from {@code total_spend}.
   */
  public enum Returns {
    NET,
    EXCLUDE,
    SEPARATE
  }

  /** Rows without a customer are bad data (the default), or guest sales excluded on purpose. */
  public enum MissingCustomer {
    QUARANTINE,
    EXCLUDE
  }

  /**
   * A named Spark SQL expression from the configuration.
   *
   * @param name the derived column or the rule name
   * @param sql the expression
   * @param origin where it is configured, for messages (for example "inputs.transactions.derive
   *     .amount in idic.yaml line 12")
   */
  public record NamedExpression(String name, String sql, String origin) {}
}
