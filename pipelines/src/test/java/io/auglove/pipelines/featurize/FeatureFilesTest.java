package io.auglove.pipelines.featurize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.models.ActionUnits;
import io.auglove.models.Tokens;
import io.auglove.models.Vocabulary;
import io.auglove.pipelines.features.FeatureRows;
import io.auglove.pipelines.features.TokenIndex;
import io.auglove.transforms.records.FeatureSequence;
import io.auglove.transforms.records.TrackId;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeatureFilesTest {

  /** Vocabulary: <END> 0, <START> 1, <unk> 2, c0 3, c4 4. */
  private static final Vocabulary VOCABULARY =
      Vocabulary.of(
          new int[] {4, Tokens.UNK, 0, Tokens.START, Tokens.END}, new long[] {9, 1, 7, 2, 2});

  @Test
  void idsAreVocabularyIndicesAndUnknownClustersAreUnk() {
    TokenIndex index = TokenIndex.of(VOCABULARY);
    assertEquals(6, index.size());
    assertEquals(3, index.id(0));
    assertEquals(4, index.id(4));
    assertEquals(2, index.id(Tokens.UNK));
    // c2 never occurred in the vocabulary's corpus: it reads as <unk>.
    assertEquals(2, index.id(2));
    assertEquals("c4", index.token(4));
  }

  @Test
  void withoutUnkAnUnknownClusterGetsTheIdPastTheVocabulary() {
    TokenIndex index =
        TokenIndex.of(Vocabulary.of(new int[] {Tokens.END, Tokens.START, 1}, new long[] {1, 1, 5}));
    assertEquals(3, index.id(7));
    float[][] table = index.table(new float[][] {{1, 2}, {3, 4}, {5, 6}});
    assertEquals(4, table.length);
    assertEquals(0f, table[3][0]);
    assertEquals(0f, table[3][1]);
  }

  @Test
  void rowsReadBackToTheSameSequence() {
    float[] intensities = new float[3 * ActionUnits.COUNT];
    for (int i = 0; i < intensities.length; i++) {
      intensities[i] = (i % 50) / 10f;
    }
    FeatureSequence sequence =
        FeatureSequence.of(
            TrackId.of("/data/v1.csv", "v1#2", 2, 1),
            12.4,
            intensities,
            new int[] {4, Tokens.UNK, 0});
    String row = FeatureRows.format(sequence, TokenIndex.of(VOCABULARY));
    String[] fields = row.split("\t");
    assertEquals(FeatureRows.HEADER.split("\t").length, fields.length);
    assertEquals("c4 <unk> c0", fields[6]);
    assertEquals("4 2 3", fields[7]);
    assertEquals(sequence, FeatureRows.parse(row, "sequences.tsv, line 2"));
  }

  @Test
  void aMalformedRowIsNamedByWhere() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FeatureRows.parse("v1\t/x.csv\t-1\t0\t0.0\t2\tc1\t1\t0", "f.tsv, line 7"));
    assertTrue(e.getMessage().startsWith("f.tsv, line 7: steps is 2"), e.getMessage());
  }

  @Test
  void npyHasAPaddedHeaderAndLittleEndianFloats() {
    byte[] bytes = NpyFiles.float32(new float[][] {{1.5f, -2f, 0f}, {3f, 4f, 5f}});
    String magic = new String(bytes, 1, 5, StandardCharsets.US_ASCII);
    assertEquals("NUMPY", magic);
    int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
    assertEquals(0, (10 + headerLength) % 64);
    String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    assertTrue(header.contains("'shape': (2, 3)"), header);
    assertTrue(header.endsWith("\n"));
    ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, 24).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(1.5f, data.getFloat());
    assertEquals(-2f, data.getFloat());
    assertEquals(24, bytes.length - 10 - headerLength);
  }
}
