package io.auglove.pipelines.features;

import com.google.common.base.Splitter;
import io.auglove.models.ActionUnits;
import io.auglove.models.Tokens;
import io.auglove.transforms.records.FeatureSequence;
import io.auglove.transforms.records.TrackId;
import java.util.List;
import java.util.Locale;

/**
 * One row of the featurize output's {@code sequences-*.tsv} per sequence, tab-separated, with a
 * header line:
 *
 * <pre>
 * recording  file  face_id  sequence  start_seconds  steps  tokens  ids  aus
 * </pre>
 *
 * {@code tokens} and {@code ids} hold one token (text) and one id (its index in the bundle's {@code
 * vocab.tsv}) per 5 fps step, separated by spaces; {@code aus} holds one group per step, separated
 * by spaces, of the 17 AU intensities separated by commas. {@code face_id} is -1 in files without a
 * face_id column; {@code sequence} counts the sequences gaps split a face's track into.
 */
public final class FeatureRows {

  /** The header line. */
  public static final String HEADER =
      "recording\tfile\tface_id\tsequence\tstart_seconds\tsteps\ttokens\tids\taus";

  private static final Splitter TAB = Splitter.on('\t');
  private static final Splitter SPACE = Splitter.on(' ').omitEmptyStrings();
  private static final Splitter COMMA = Splitter.on(',');

  private FeatureRows() {}

  /** The row of {@code sequence}, ids from {@code index}. */
  public static String format(FeatureSequence sequence, TokenIndex index) {
    TrackId id = sequence.id();
    StringBuilder row = new StringBuilder(64 + sequence.length() * 100);
    row.append(id.recording()).append('\t').append(id.file()).append('\t');
    row.append(id.faceId()).append('\t').append(id.segment()).append('\t');
    row.append(String.format(Locale.ROOT, "%.3f", sequence.startSeconds())).append('\t');
    row.append(sequence.length()).append('\t');
    for (int i = 0; i < sequence.length(); i++) {
      row.append(i == 0 ? "" : " ").append(index.token(index.id(sequence.code(i))));
    }
    row.append('\t');
    for (int i = 0; i < sequence.length(); i++) {
      row.append(i == 0 ? "" : " ").append(index.id(sequence.code(i)));
    }
    row.append('\t');
    for (int i = 0; i < sequence.length(); i++) {
      for (int a = 0; a < ActionUnits.COUNT; a++) {
        row.append(a == 0 ? (i == 0 ? "" : " ") : ",").append(sequence.intensity(i, a));
      }
    }
    return row.toString();
  }

  /**
   * The sequence of a row (its token codes from the token column).
   *
   * @param where file and line, for the message of a malformed row
   * @throws IllegalArgumentException naming {@code where} and the problem
   */
  public static FeatureSequence parse(String row, String where) {
    List<String> fields = TAB.splitToList(row);
    if (fields.size() != 9) {
      throw bad(where, "expected 9 tab-separated fields, found " + fields.size());
    }
    try {
      TrackId id =
          TrackId.of(
              fields.get(1),
              fields.get(0),
              Integer.parseInt(fields.get(2)),
              Integer.parseInt(fields.get(3)));
      double start = Double.parseDouble(fields.get(4));
      int steps = Integer.parseInt(fields.get(5));
      List<String> tokens = SPACE.splitToList(fields.get(6));
      List<String> aus = SPACE.splitToList(fields.get(8));
      if (tokens.size() != steps || aus.size() != steps) {
        throw bad(
            where,
            "steps is "
                + steps
                + " but there are "
                + tokens.size()
                + " tokens and "
                + aus.size()
                + " AU groups");
      }
      int[] codes = new int[steps];
      float[] intensities = new float[steps * ActionUnits.COUNT];
      for (int i = 0; i < steps; i++) {
        codes[i] = Tokens.code(tokens.get(i));
        List<String> values = COMMA.splitToList(aus.get(i));
        if (values.size() != ActionUnits.COUNT) {
          throw bad(where, "step " + i + " has " + values.size() + " AU values");
        }
        for (int a = 0; a < ActionUnits.COUNT; a++) {
          intensities[i * ActionUnits.COUNT + a] = Float.parseFloat(values.get(a));
        }
      }
      return FeatureSequence.of(id, start, intensities, codes);
    } catch (NumberFormatException e) {
      throw bad(where, "not a number: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(where)) {
        throw e;
      }
      throw bad(where, e.getMessage());
    }
  }

  private static IllegalArgumentException bad(String where, String problem) {
    return new IllegalArgumentException(where + ": " + problem);
  }
}
