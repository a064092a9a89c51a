package io.auglove.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the Python side's output; no Python needed. */
class PyTorchReferenceTest {

  @Test
  void figuresAreReadFromTheJsonLine() {
    List<String> lines =
        List.of(
            "a warning",
            "{\"torch_version\": \"1.13.0a0\", \"threads\": 1, \"sequences\": 8, \"steps\": 500,"
                + " \"aus_warmup_seq_per_s\": 50.5, \"aus_seq_per_s\": 61.25,"
                + " \"embedding_warmup_seq_per_s\": 4.0e1, \"embedding_seq_per_s\": 44}");

    PyTorchReference.Outcome outcome = PyTorchReference.outcome("python3", 0, lines);

    assertTrue(outcome.available(), outcome.note());
    assertEquals("1.13.0a0", outcome.torchVersion());
    assertEquals(1, outcome.threads());
    assertEquals(61.25, outcome.aus().sequencesPerSecond());
    assertEquals(50.5, outcome.aus().warmUpSequencesPerSecond());
    assertEquals(44, outcome.embedding().sequencesPerSecond());
    assertEquals(40, outcome.embedding().warmUpSequencesPerSecond());
  }

  @Test
  void aMissingTorchIsReportedNotThrown() {
    PyTorchReference.Outcome outcome =
        PyTorchReference.outcome(
            "python3",
            3,
            List.of(
                "{\"error\": \"torch cannot be imported by /x/python3:"
                    + " No module named 'torch'\"}"));

    assertFalse(outcome.available());
    assertTrue(outcome.note().contains("No module named 'torch'"), outcome.note());
  }

  @Test
  void aMissingInterpreterIsReportedNotThrown() {
    BiLstmTrainingBenchmark.Settings settings =
        BiLstmTrainingBenchmark.Settings.defaults()
            .withPython(Paths.get("/nonexistent/python3"), true);

    PyTorchReference.Outcome outcome = new PyTorchReference(settings).run();

    assertFalse(outcome.available());
    assertTrue(outcome.note().contains("cannot start /nonexistent/python3"), outcome.note());
  }

  @Test
  void aCrashWithoutFiguresIsReportedWithItsLastLines() {
    PyTorchReference.Outcome outcome =
        PyTorchReference.outcome("python3", 1, List.of("Traceback", "ValueError: boom"));

    assertFalse(outcome.available());
    assertTrue(outcome.note().contains("status 1") && outcome.note().contains("boom"));
  }
}
