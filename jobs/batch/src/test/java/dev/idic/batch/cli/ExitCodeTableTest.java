package dev.idic.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.stages.contract.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README.md's exit-code table is the user-facing copy of {@link ExitCode}: they must agree. */
class ExitCodeTableTest {

  private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| (.+) \\|$");

  @Test
  void readmeListsExactlyTheExitCodesWithTheirMeanings() throws IOException {
    Map<Integer, String> documented = readmeTable();

    Map<Integer, String> declared = new LinkedHashMap<>();
    for (ExitCode code : ExitCode.values()) {
      declared.put(code.code(), code.meaning());
    }
    assertThat(documented).containsExactlyEntriesOf(declared);
  }

  @Test
  void helpFooterShowsEveryCode() {
    String footer = String.join("\n", ExitCodeFooter.lines());

    assertThat(footer).startsWith("\nExit codes:");
    for (ExitCode code : ExitCode.values()) {
      assertThat(footer).contains("  " + code.code() + "  ");
    }
    assertThat(Arrays.stream(ExitCodeFooter.lines())).allMatch(line -> line.length() <= 80);
  }

  private static Map<Integer, String> readmeTable() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("../../README.md"));
    int heading = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("#") && lines.get(i).contains("Exit codes")) {
        heading = i;
        break;
      }
    }
    assertThat(heading).as("README.md has an 'Exit codes' section").isNotNegative();
    Map<Integer, String> table = new LinkedHashMap<>();
    for (int i = heading + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
      Matcher row = ROW.matcher(lines.get(i).strip());
      if (row.matches()) {
        table.put(Integer.parseInt(row.group(1)), row.group(2).strip());
      }
    }
    return table;
  }
}
