package dev.idic.synth;

/** The string ids of generated rows: C00000123, T00000123-0007, I00000123-0002. */
final class Ids {

  private Ids() {}

  static String customer(long index) {
    return "C" + padded(index, 8);
  }

  static String transaction(long customer, int sequence) {
    return "T" + padded(customer, 8) + "-" + padded(sequence, 4);
  }

  static String interaction(long customer, int sequence) {
    return "I" + padded(customer, 8) + "-" + padded(sequence, 4);
  }

  private static String padded(long value, int width) {
    String digits = Long.toString(value);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }
}
