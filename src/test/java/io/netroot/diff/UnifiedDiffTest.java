package io.netroot.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedDiffTest {

  /** Created and emptied files are written directly; the text is what the diff library gives. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 50})
  void wholeFileDiffsMatchTheLibrary(int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append("line ").append(i).append(i % 3 == 0 ? "" : " x").append('\n');
    }
    String file = text.toString();
    String unterminated = file.substring(0, file.length() - 1);

    for (String before : Arrays.asList(null, "")) {
      for (String after : List.of(file, unterminated)) {
        assertBothWaysAsTheLibrary(before, after);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {200_000})
  void aNewFileOfManyLinesIsOneHunk(int count) {
    String file = "host\n".repeat(count);

    String diff = UnifiedDiff.between("dhcpd.conf", "on disk", null, "planned", file);

    assertThat(diff).startsWith("--- /dev/null\n+++ dhcpd.conf (planned)\n@@ -1,0 +1,200000 @@\n");
    assertThat(diff.lines().count()).isEqualTo(count + 3);
  }

  /** Lines added or removed in one place are found directly; the text is what the library gives. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 5, 19, 20})
  void oneRunAddedOrRemovedMatchesTheLibrary(int at) {
    List<String> file = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      file.add("line " + i + (i % 4 == 0 ? "" : " x"));
    }
    for (int run : new int[] {1, 4, 10}) {
      List<String> longer = new ArrayList<>(file.subList(0, at));
      for (int j = 0; j < run; j++) {
        longer.add(j % 2 == 0 ? "added " + j : "line " + (at + j));
      }
      longer.addAll(file.subList(at, file.size()));
      for (String ending : List.of("\n", "")) {
        String before = String.join("\n", file) + ending;
        String after = String.join("\n", longer) + ending;
        assertBothWaysAsTheLibrary(before, after);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {200_000})
  void manyLinesAddedToAFileAreOneHunkAmongTheLinesThatStay(int count) {
    String file = "authoritative;\nlog-facility local7;\n";
    String block = "host\n".repeat(count);

    String diff = UnifiedDiff.between("dhcpd.conf", "on disk", file, "planned", file + block);

    assertThat(diff)
        .startsWith(
            "--- dhcpd.conf (on disk)\n+++ dhcpd.conf (planned)\n@@ -1,2 +1,200002 @@\n"
                + " authoritative;\n log-facility local7;\n+host\n");
    assertThat(diff.lines().count()).isEqualTo(count + 5);
  }

  private static String library(
      String label, String beforeLabel, String before, String afterLabel, String after) {
    List<String> oldLines = lines(before);
    List<String> newLines = lines(after);
    var patch = DiffUtils.diff(oldLines, newLines);
    if (patch.getDeltas().isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (String line :
        UnifiedDiffUtils.generateUnifiedDiff(
            before == null ? "/dev/null" : label + " (" + beforeLabel + ")",
            after == null ? "/dev/null" : label + " (" + afterLabel + ")",
            oldLines,
            patch,
            3)) {
      text.append(line).append('\n');
    }
    return text.toString();
  }

  private static List<String> lines(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<String> parts = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (text.endsWith("\n")) {
      parts.remove(parts.size() - 1);
    }
    return parts;
  }

  /** The diff from {@code before} to {@code after}, and back, is the library's text. */
  private static void assertBothWaysAsTheLibrary(String before, String after) {
    assertThat(UnifiedDiff.between("p", "on disk", before, "planned", after))
        .isEqualTo(library("p", "on disk", before, "planned", after));
    assertThat(UnifiedDiff.between("p", "on disk", after, "planned", before))
        .isEqualTo(library("p", "on disk", after, "planned", before));
  }
}
