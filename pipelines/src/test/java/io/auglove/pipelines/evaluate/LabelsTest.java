package io.auglove.pipelines.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.models.protocol.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsTest {

  @TempDir Path folder;

  private static final Labels.Columns DEFAULT =
      new Labels.Columns("recording", "participant", "split");

  private Path write(String text) throws IOException {
    Path file = folder.resolve("labels.csv");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void readsRowsSplitsAndTargets() throws IOException {
    Path file =
        write(
            "recording,participant,a,b,split\n"
                + "r1,p1,1,2.5,train\n"
                + "\"r2,x\",p2,3,4,Dev\n"
                + "r3,p2,5,6,test\n");
    Labels labels = Labels.read(file.toString(), DEFAULT, List.of("b", "a"));
    assertTrue(labels.hasSplit());
    assertEquals(List.of("r1", "r2,x", "r3"), List.copyOf(labels.rows().keySet()));
    assertArrayEquals(new double[] {2.5, 1}, labels.rows().get("r1").targets());
    assertEquals("p2", labels.rows().get("r2,x").participant());
    assertEquals(Split.DEV, labels.rows().get("r2,x").split());
    assertTrue(labels.problems().isEmpty(), labels.problems().toString());
  }

  @Test
  void otherColumnNamesMapOntoTheRoles() throws IOException {
    Path file = write("video,subject,score\nv1,s1,3\n");
    Labels labels =
        Labels.read(
            file.toString(), new Labels.Columns("video", "subject", "fold"), List.of("score"));
    assertFalse(labels.hasSplit());
    assertEquals("s1", labels.rows().get("v1").participant());
    assertNull(labels.rows().get("v1").split());
  }

  @Test
  void missingAndBadValuesAreReportedByLineAndLeaveOnlyThatTarget() throws IOException {
    Path file =
        write(
            "recording,participant,a,b\n"
                + "r1,p1,,2\n"
                + "r2,p2,x,3\n"
                + "r3,p3,NaN,4\n"
                + "r1,p9,7,7\n"
                + "r4,p4,1\n");
    Labels labels = Labels.read(file.toString(), DEFAULT, List.of("a", "b"));
    assertEquals(3, labels.rows().size());
    assertTrue(Double.isNaN(labels.rows().get("r1").targets()[0]));
    assertEquals(2, labels.rows().get("r1").targets()[1]);
    List<String> problems = labels.problems();
    assertEquals(5, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("line 2: recording r1 has no a"), problems.get(0));
    assertTrue(problems.get(1).contains("line 3: recording r2 has a 'x'"), problems.get(1));
    assertTrue(problems.get(2).contains("line 4: recording r3 has a 'NaN'"), problems.get(2));
    assertTrue(problems.get(3).contains("line 5: recording r1 is labelled twice"), problems.get(3));
    assertTrue(problems.get(4).contains("line 6: 3 fields where the header has 4"));
  }

  @Test
  void anUnknownSplitIsReportedAndTheRowKept() throws IOException {
    Path file = write("recording,participant,a,split\nr1,p1,1,holdout\n");
    Labels labels = Labels.read(file.toString(), DEFAULT, List.of("a"));
    assertNull(labels.rows().get("r1").split());
    assertTrue(labels.problems().get(0).contains("holdout"), labels.problems().toString());
  }

  @Test
  void aMissingColumnIsRefusedByName() throws IOException {
    Path file = write("recording,participant,a\nr1,p1,1\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Labels.read(file.toString(), DEFAULT, List.of("panss")));
    assertTrue(e.getMessage().contains("no column 'panss' (see --targets)"), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void aByteOrderMarkBeforeTheHeaderIsIgnored() throws IOException {
    Path file = write("\uFEFFrecording,participant,a\nr1,p1,1\n");
    Labels labels = Labels.read(file.toString(), DEFAULT, List.of("a"));
    assertEquals(List.of("r1"), List.copyOf(labels.rows().keySet()));
    assertEquals("p1", labels.rows().get("r1").participant());
  }

  @Test
  void aColumnNamedTwiceIsRefused() throws IOException {
    Path file = write("recording,participant,a,b, a\nr1,p1,1,2,3\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Labels.read(file.toString(), DEFAULT, List.of("b")));
    assertEquals(file + ": column 'a' appears twice in the header", e.getMessage());
  }

  @Test
  void unnamedColumnsMayRepeat() throws IOException {
    Path file = write("recording,participant,a,,\nr1,p1,1,,\n");
    Labels labels = Labels.read(file.toString(), DEFAULT, List.of("a"));
    assertArrayEquals(new double[] {1}, labels.rows().get("r1").targets());
  }
}
