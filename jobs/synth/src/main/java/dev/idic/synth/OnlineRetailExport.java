package dev.idic.synth;

import dev.idic.synth.Draws.Stream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes one seeded csv file in the layout of the UCI Online Retail export: one row per order line,
 * invoices of several lines, guest invoices without a customer id (about a quarter of the lines),
 * cancellations {@code C...} that take back lines of an earlier invoice of the same customer with
 * negative quantities, lines given away at price 0.00, and postage, manual and bank charge lines
 * that are not products. Customers buy as in BG/NBD: rate {@code lambda ~ Gamma(r, alpha)} per day,
 * and after each repeat purchase they leave with probability {@code p ~ Beta(a, b)}. Each customer
 * has a basket size {@code s ~ Gamma(k, k)} (mean 1) that scales the quantities they order, so that
 * customers differ in their typical order value as Gamma-Gamma assumes; without it every customer
 * would draw from one order-value distribution, which leaves Gamma-Gamma without a maximum.
 *
 * <p>The file is the same for the same arguments, byte for byte.
 */
public final class OnlineRetailExport {

  public static final String HEADER =
      "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

  /** The local time zone of the timestamps, as in the UCI export. */
  public static final ZoneId ZONE = ZoneId.of("Europe/London");

  public static final String TIMESTAMP_FORMAT = "M/d/yyyy H:mm";

  /** Stock codes of lines that are not products sold: postage, dotcom postage, manual, bank. */
  public static final List<String> NON_PRODUCT_CODES = List.of("POST", "DOT", "M", "BANK CHARGES");

  /** What was written. */
  public record Summary(long lines, int invoices, int customers) {}

  private record Product(String stockCode, String description, String unitPrice) {}

  private record Line(Product product, int quantity, String unitPrice) {}

  private record Invoice(
      LocalDateTime time,
      int order,
      boolean cancellation,
      String customerId,
      String country,
      List<Line> lines) {}

  private static final DateTimeFormatter INVOICE_DATE =
      DateTimeFormatter.ofPattern(TIMESTAMP_FORMAT);
  private static final int FIRST_INVOICE_NUMBER = 536365;
  private static final int FIRST_CUSTOMER_ID = 12346;
  private static final double GUEST_LINE_SHARE = 0.25;

  // BG/NBD: a mean of one invoice every 30 days or so, a fifth of the customers leaving after each
  // repeat purchase.
  private static final double R = 0.8;
  private static final double ALPHA = 25;
  private static final double A = 1;
  private static final double B = 4;

  // Basket sizes: shape and rate k = 2, a coefficient of variation of 0.7 across customers.
  private static final double BASKET_SHAPE = 2;

  private static final double CANCELLATION_SHARE = 0.08;
  private static final double ZERO_PRICE_SHARE = 0.03;
  private static final double CORRECTION_SHARE = 0.005;

  private static final Product[] PRODUCTS = {
    new Product("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", "2.55"),
    new Product("71053", "WHITE METAL LANTERN", "3.39"),
    new Product("84406B", "CREAM CUPID HEARTS COAT HANGER", "2.75"),
    new Product("84029G", "KNITTED UNION FLAG HOT WATER BOTTLE", "3.39"),
    new Product("84029E", "RED WOOLLY HOTTIE WHITE HEART.", "3.39"),
    new Product("22752", "SET 7 BABUSHKA NESTING BOXES", "7.65"),
    new Product("21730", "GLASS STAR FROSTED T-LIGHT HOLDER", "4.25"),
    new Product("22633", "HAND WARMER UNION JACK", "1.85"),
    new Product("22632", "HAND WARMER RED POLKA DOT", "1.85"),
    new Product("84879", "ASSORTED COLOUR BIRD ORNAMENT", "1.69"),
    new Product("22745", "POPPY'S PLAYHOUSE BEDROOM", "2.10"),
    new Product("22748", "POPPY'S PLAYHOUSE KITCHEN", "2.10"),
    new Product("22749", "FELTCRAFT PRINCESS CHARLOTTE DOLL", "3.75"),
    new Product("22310", "IVORY KNITTED MUG COSY", "1.65"),
    new Product("84969", "BOX OF 6 ASSORTED COLOUR TEASPOONS", "4.25"),
    new Product("22623", "BOX OF VINTAGE JIGSAW BLOCKS", "4.95"),
    new Product("22622", "BOX OF VINTAGE ALPHABET BLOCKS", "9.95"),
    new Product("21754", "HOME BUILDING BLOCK WORD", "5.95"),
    new Product("21755", "LOVE BUILDING BLOCK WORD", "5.95"),
    new Product("21777", "RECIPE BOX WITH METAL HEART", "7.95"),
    new Product("48187", "DOORMAT NEW ENGLAND", "7.95"),
    new Product("22423", "REGENCY CAKESTAND 3 TIER", "12.75"),
    new Product("47566", "PARTY BUNTING", "4.95"),
    new Product("85099B", "JUMBO BAG RED RETROSPOT", "1.95"),
    new Product("84077", "WORLD WAR 2 GLIDERS ASSTD DESIGNS", "0.29"),
    new Product("22720", "SET OF 3 CAKE TINS PANTRY DESIGN", "4.95"),
    new Product("22960", "JAM MAKING SET WITH JARS", "4.25"),
    // Descriptions with a comma or a quote, which csv writers must quote.
    new Product("21212", "PACK OF 72 RETROSPOT CAKE CASES, ASSORTED", "0.55"),
    new Product("22197", "SMALL POPCORN HOLDER, \"RETRO\"", "0.85"),
    new Product("20725", "LUNCH BAG \"RED RETROSPOT\", WITH HANDLES", "1.65"),
  };

  private static final Product POSTAGE = new Product("POST", "POSTAGE", "18.00");
  private static final Product DOTCOM = new Product("DOT", "DOTCOM POSTAGE", "11.08");
  private static final Product MANUAL = new Product("M", "Manual", "2.50");
  private static final Product BANK = new Product("BANK CHARGES", "Bank Charges", "15.00");

  private static final String[] COUNTRIES = {
    "United Kingdom", "Germany", "France", "EIRE", "Spain", "Netherlands", "Belgium", "Portugal"
  };
  private static final double[] COUNTRY_WEIGHTS = {0.82, 0.04, 0.04, 0.03, 0.02, 0.02, 0.02, 0.01};

  private OnlineRetailExport() {}

  /**
   * Writes {@code customers} customers' invoices, and guest invoices for about a quarter of the
   * lines, with invoice dates from {@code from} to {@code to} (inclusive, local dates).
   */
  public static Summary write(Path file, long seed, int customers, LocalDate from, LocalDate to) {
    if (customers < 1 || to.isBefore(from)) {
      throw new IllegalArgumentException(
          "OnlineRetailExport: needs at least one customer and from <= to, got "
              + customers
              + " customers from "
              + from
              + " to "
              + to);
    }
    int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
    List<Invoice> invoices = new ArrayList<>();
    long customerLines = 0;
    int buyers = 0;
    for (int index = 0; index < customers; index++) {
      List<Invoice> own = customerInvoices(seed, index, from, days);
      buyers += own.isEmpty() ? 0 : 1;
      for (Invoice invoice : own) {
        customerLines += invoice.lines().size();
      }
      invoices.addAll(own);
    }
    // Guests last, from a stream of their own, so the customers' invoices do not depend on them.
    Draws guests = Draws.of(seed, -1, Stream.RETAIL);
    long guestTarget = Math.round(customerLines * GUEST_LINE_SHARE / (1 - GUEST_LINE_SHARE));
    for (long guestLines = 0; guestLines < guestTarget; ) {
      Invoice guest =
          sale(guests, "", guests.pick(COUNTRIES, COUNTRY_WEIGHTS), time(guests, from, days), 1.0);
      guestLines += guest.lines().size();
      invoices.add(guest);
    }
    invoices.sort(Comparator.comparing(Invoice::time).thenComparingInt(Invoice::order));
    if (FIRST_INVOICE_NUMBER + invoices.size() > 1_000_000) {
      throw new IllegalArgumentException(
          "OnlineRetailExport: "
              + invoices.size()
              + " invoices do not fit 6-digit invoice numbers; ask for fewer customers or days");
    }
    return writeFile(file, invoices, buyers);
  }

  private static List<Invoice> customerInvoices(long seed, int index, LocalDate from, int days) {
    Draws draws = Draws.of(seed, index, Stream.RETAIL);
    String customerId = Integer.toString(FIRST_CUSTOMER_ID + index);
    String country = draws.pick(COUNTRIES, COUNTRY_WEIGHTS);
    double lambda = draws.gamma(R, ALPHA);
    double dropout = draws.beta(A, B);
    double basket = draws.gamma(BASKET_SHAPE, BASKET_SHAPE);
    List<Invoice> invoices = new ArrayList<>();
    double time = draws.uniform() * days;
    for (int repeat = 0; time < days; repeat++) {
      LocalDateTime at = localTime(draws, from, time);
      Invoice sale = sale(draws, customerId, country, at, basket);
      invoices.add(sale);
      if (draws.chance(CANCELLATION_SHARE)) {
        LocalDateTime cancelledAt =
            at.plusMinutes(30 + (long) draws.exponential(3 * 24 * 60)).withSecond(0);
        if (cancelledAt.toLocalDate().isBefore(from.plusDays(days))) {
          invoices.add(cancellation(draws, sale, cancelledAt));
        }
      }
      if (repeat >= 1 && draws.chance(dropout)) {
        break;
      }
      time += draws.exponential(1 / lambda);
    }
    return invoices;
  }

  /**
   * 1 to 8 distinct products, sometimes a free one, sometimes postage or a charge on top; the
   * quantities scaled by the customer's {@code basket} size.
   */
  private static Invoice sale(
      Draws draws, String customerId, String country, LocalDateTime at, double basket) {
    int products = draws.chance(0.3) ? 1 : draws.between(2, 8);
    List<Product> chosen = new ArrayList<>();
    while (chosen.size() < products) {
      Product product = draws.pick(PRODUCTS);
      if (!chosen.contains(product)) {
        chosen.add(product);
      }
    }
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      Product product = chosen.get(i);
      int base = draws.chance(0.5) ? draws.between(1, 6) : draws.pick(new Integer[] {12, 24});
      int quantity = (int) Math.max(1, Math.round(base * basket));
      // The first line is always paid for, so every sale keeps at least one accepted product line.
      String price = i > 0 && draws.chance(ZERO_PRICE_SHARE) ? "0.00" : product.unitPrice();
      // A few sale lines correct a miscount with a negative quantity, outside any cancellation.
      if (i > 0 && draws.chance(CORRECTION_SHARE)) {
        quantity = -draws.between(1, 3);
      }
      lines.add(new Line(product, quantity, price));
    }
    if (draws.chance(0.06)) {
      lines.add(new Line(draws.chance(0.7) ? POSTAGE : DOTCOM, draws.between(1, 3), null));
    }
    if (draws.chance(0.02)) {
      lines.add(new Line(MANUAL, 1, null));
    }
    if (draws.chance(0.01)) {
      lines.add(new Line(BANK, 1, null));
    }
    return new Invoice(at, order(draws), false, customerId, country, List.copyOf(lines));
  }

  /** Takes back part or all of the quantity of some of the sale's lines. */
  private static Invoice cancellation(Draws draws, Invoice sale, LocalDateTime at) {
    List<Line> lines = new ArrayList<>();
    for (Line line : sale.lines()) {
      if (line.quantity() < 0) {
        continue;
      }
      if (lines.isEmpty() || draws.chance(0.4)) {
        lines.add(new Line(line.product(), -draws.between(1, line.quantity()), line.unitPrice()));
      }
    }
    return new Invoice(
        at, order(draws), true, sale.customerId(), sale.country(), List.copyOf(lines));
  }

  /** Breaks ties between invoices of the same minute without depending on the write order. */
  private static int order(Draws draws) {
    return draws.between(0, Integer.MAX_VALUE - 1);
  }

  private static LocalDateTime time(Draws draws, LocalDate from, int days) {
    return localTime(draws, from, draws.uniform() * days);
  }

  /** Day {@code floor(time)} after {@code from}, at a minute between 07:00 and 19:59. */
  private static LocalDateTime localTime(Draws draws, LocalDate from, double time) {
    return from.plusDays((long) Math.floor(time))
        .atTime(7, 0)
        .plusMinutes(draws.between(0, 13 * 60 - 1));
  }

  private static Summary writeFile(Path file, List<Invoice> invoices, int customers) {
    long lines = 0;
    int number = FIRST_INVOICE_NUMBER;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.write('\n');
      for (Invoice invoice : invoices) {
        String invoiceNo = (invoice.cancellation() ? "C" : "") + number++;
        String date = INVOICE_DATE.format(invoice.time());
        for (Line line : invoice.lines()) {
          String price = line.unitPrice() == null ? line.product().unitPrice() : line.unitPrice();
          out.write(
              String.join(
                  ",",
                  invoiceNo,
                  line.product().stockCode(),
                  quoted(line.product().description()),
                  Integer.toString(line.quantity()),
                  date,
                  price,
                  invoice.customerId(),
                  invoice.country()));
          out.write('\n');
          lines++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Summary(lines, invoices.size(), customers);
  }

  /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
  private static String quoted(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
