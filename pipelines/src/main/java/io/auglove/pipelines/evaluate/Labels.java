package io.auglove.pipelines.evaluate;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.auglove.models.protocol.Split;
import io.auglove.pipelines.bundle.Paths;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The labels file: one row per recording with its participant, one column per target score and an
 * optional split (train, dev, test). The recording is the OpenFace file's name without its
 * extension ({@code name#face_id} for a file with several faces).
 *
 * <p>A byte-order mark before the header is ignored; a column name that appears twice in the header
 * refuses the file. Problems in a row (an empty or non-numeric score, a repeated recording, an
 * unknown split) are reported by file and line, and the rest of the file is used: a missing score
 * leaves that recording out of that target only.
 */
public final class Labels implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One recording's labels. */
  public record Row(String participant, Split split, double[] targets) implements Serializable {}

  private final boolean hasSplit;
  private final ImmutableMap<String, Row> rows;
  private final ImmutableList<String> problems;

  private Labels(boolean hasSplit, Map<String, Row> rows, List<String> problems) {
    this.hasSplit = hasSplit;
    this.rows = ImmutableMap.copyOf(rows);
    this.problems = ImmutableList.copyOf(problems);
  }

  /** Which columns hold what. */
  public record Columns(String recording, String participant, String split)
      implements Serializable {}

  /**
   * Reads {@code path}.
   *
   * @param targets the score columns to read
   * @throws IllegalArgumentException naming the file and column if the recording, participant or a
   *     target column is missing or a column name appears twice, or the file has no rows
   */
  public static Labels read(String path, Columns columns, List<String> targets) throws IOException {
    List<String> lines = Paths.readLines(path);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(path + ": the labels file is empty");
    }
    List<String> header =
        CsvLine.fields(stripByteOrderMark(lines.get(0))).stream().map(String::trim).toList();
    refuseRepeatedColumns(path, header);
    int recording = column(path, header, columns.recording(), "--recordingColumn");
    int participant = column(path, header, columns.participant(), "--participantColumn");
    int split = header.indexOf(columns.split());
    int[] targetColumns = new int[targets.size()];
    for (int t = 0; t < targets.size(); t++) {
      targetColumns[t] = column(path, header, targets.get(t), "--targets");
    }
    Map<String, Row> rows = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) {
        continue;
      }
      String where = String.format(Locale.ROOT, "%s, line %d", path, n + 1);
      List<String> fields;
      try {
        fields = CsvLine.fields(lines.get(n));
      } catch (IllegalArgumentException e) {
        problems.add(where + ": " + e.getMessage() + "; the row is left out");
        continue;
      }
      if (fields.size() != header.size()) {
        problems.add(
            where
                + ": "
                + fields.size()
                + " fields where the header has "
                + header.size()
                + "; the row is left out");
        continue;
      }
      String name = fields.get(recording).trim();
      String who = fields.get(participant).trim();
      if (name.isEmpty() || who.isEmpty()) {
        problems.add(where + ": no recording or no participant; the row is left out");
        continue;
      }
      if (rows.containsKey(name)) {
        problems.add(where + ": recording " + name + " is labelled twice; the first row is used");
        continue;
      }
      Split rowSplit = null;
      if (split >= 0) {
        try {
          rowSplit = Split.parse(fields.get(split).trim());
        } catch (IllegalArgumentException e) {
          problems.add(where + ": " + e.getMessage() + "; " + name + " is in no fixed split");
        }
      }
      double[] values = new double[targets.size()];
      for (int t = 0; t < targets.size(); t++) {
        String text = fields.get(targetColumns[t]).trim();
        values[t] = Double.NaN;
        if (text.isEmpty()) {
          problems.add(where + ": recording " + name + " has no " + targets.get(t));
          continue;
        }
        try {
          values[t] = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          // values[t] stays NaN: reported here, left out of this target.
        }
        if (!Double.isFinite(values[t])) {
          values[t] = Double.NaN;
          problems.add(
              where
                  + ": recording "
                  + name
                  + " has "
                  + targets.get(t)
                  + " '"
                  + text
                  + "', not a finite number");
        }
      }
      rows.put(name, new Row(who, rowSplit, values));
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(path + ": no labelled recordings");
    }
    return new Labels(split >= 0, rows, problems);
  }

  private static String stripByteOrderMark(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  /** A name twice in the header would make which column is read a matter of position. */
  private static void refuseRepeatedColumns(String path, List<String> header) {
    Set<String> seen = new HashSet<>();
    for (String name : header) {
      // Unnamed columns (a spreadsheet's trailing commas) cannot be chosen, so they may repeat.
      if (!name.isEmpty() && !seen.add(name)) {
        throw new IllegalArgumentException(
            path + ": column '" + name + "' appears twice in the header");
      }
    }
  }

  private static int column(String path, List<String> header, String name, String option) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException(
          path
              + ": no column '"
              + name
              + "' (see "
              + option
              + "); the header has "
              + String.join(", ", header));
    }
    return index;
  }

  /** Whether the file has a split column. */
  public boolean hasSplit() {
    return hasSplit;
  }

  /** The rows by recording, in file order. */
  public ImmutableMap<String, Row> rows() {
    return rows;
  }

  /** What was wrong in the file, by line. */
  public ImmutableList<String> problems() {
    return problems;
  }
}
