package io.auglove.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.beam.sdk.Pipeline.PipelineExecutionException;
import org.junit.jupiter.api.Test;

class FailureMessageTest {

  @Test
  void aFailureIsItsInnermostCause() {
    Exception e =
        new PipelineExecutionException(
            new RuntimeException("wrapped", new IllegalStateException("what went wrong")));

    assertEquals("IllegalStateException: what went wrong", Cli.rootMessage(e));
  }

  @Test
  void aHeapThatRanOutSaysWhatToDo() {
    Exception e = new PipelineExecutionException(new OutOfMemoryError("Java heap space"));

    String message = Cli.rootMessage(e);
    assertTrue(message.startsWith("OutOfMemoryError: Java heap space; "), message);
    assertTrue(message.contains("AUGLOVE_JAVA_OPTS=-Xmx8g"), message);
    assertTrue(message.contains("--runner=FlinkRunner"), message);
  }
}
