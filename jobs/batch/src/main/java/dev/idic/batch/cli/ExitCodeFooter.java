package dev.idic.batch.cli;

import dev.idic.stages.contract.ExitCode;
import java.util.ArrayList;
import java.util.List;

/** The "Exit codes:" footer of {@code idic --help}, printed from {@link ExitCode}'s table. */
final class ExitCodeFooter {

  private static final int WIDTH = 80;
  private static final String INDENT = "     ";

  private ExitCodeFooter() {}

  static String[] lines() {
    List<String> lines = new ArrayList<>(List.of("", "Exit codes:"));
    for (ExitCode code : ExitCode.values()) {
      // The meanings are Markdown for the README; a terminal shows them without code marks.
      lines.addAll(wrap("  " + code.code() + "  ", code.meaning().replace("`", "")));
    }
    return lines.toArray(String[]::new);
  }

  private static List<String> wrap(String first, String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(first);
    boolean empty = true;
    for (String word : text.split(" ")) {
      if (!empty && line.length() + 1 + word.length() > WIDTH) {
        lines.add(line.toString());
        line = new StringBuilder(INDENT);
        empty = true;
      }
      line.append(empty ? "" : " ").append(word);
      empty = false;
    }
    lines.add(line.toString());
    return lines;
  }
}
