package dev.idic.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CDNOW reference data in {@code ../shared/data/cdnow} (system property {@code
 * idic.shared.data}, set by the build). Tests that need it are skipped with a loud message when it
 * is absent. The model module cannot see the stages module's SharedData, hence this twin.
 */
final class CdnowData {

  /** One customer of the calibration summary (weeks). */
  record Customer(String id, int x, double tx, double T, double meanValue) {}

  private CdnowData() {}

  static Path file(String name) {
    Path dir =
        Path.of(System.getProperty("idic.shared.data", "../../../shared/data"))
            .resolve("cdnow")
            .toAbsolutePath()
            .normalize();
    if (!Files.isDirectory(dir)) {
      System.err.println(
          "\n*** SKIPPING golden test: reference data folder "
              + dir
              + " is absent. Check out ../shared next to the project to run it. ***\n");
    }
    assumeTrue(Files.isDirectory(dir), "reference data folder absent: " + dir);
    return dir.resolve(name);
  }

  /** cdnow_customers_summary_with_transactions.csv: ID,x,t_x,T,zbar. */
  static List<Customer> summary() {
    return lines("cdnow_customers_summary_with_transactions.csv").stream()
        .skip(1)
        .filter(line -> !line.isBlank())
        .map(line -> line.split(","))
        .map(
            f ->
                new Customer(
                    f[0],
                    Integer.parseInt(f[1]),
                    Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]),
                    Double.parseDouble(f[4])))
        .toList();
  }

  static PurchasePatterns patterns(List<Customer> customers) {
    PurchasePatterns.Builder builder = new PurchasePatterns.Builder();
    customers.forEach(c -> builder.add(c.x(), c.tx(), c.T(), 1.0));
    return builder.build();
  }

  static SpendPatterns repeatBuyers(List<Customer> customers) {
    List<Customer> repeat = customers.stream().filter(c -> c.x() > 0).toList();
    return SpendPatterns.ofCustomers(
        repeat.stream().mapToInt(Customer::x).toArray(),
        repeat.stream().mapToDouble(Customer::meanValue).toArray());
  }

  static List<String> lines(String name) {
    try {
      return Files.readAllLines(file(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
