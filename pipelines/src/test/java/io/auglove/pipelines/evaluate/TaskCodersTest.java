package io.auglove.pipelines.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

class TaskCodersTest {

  @Test
  void resultsSurviveEncoding() throws Exception {
    Task task = new Task(Protocol.FIXED, "lstm-glove-d25", "dwell", 7);
    TaskResult result =
        new TaskResult(
            task,
            null,
            List.of("a", "b"),
            List.of("p1", "p1"),
            new double[] {1, 2},
            new double[][] {{1.5, Double.NaN}, {0, -3}},
            Double.NaN,
            40,
            10,
            2.5,
            "embedding size 50, epoch 3 of 13",
            "cpu()",
            new double[] {0.5, 0.25},
            new double[] {0.75, Double.NaN});
    TaskResult back =
        CoderUtils.decodeFromByteArray(
            TaskCoders.TaskResultCoder.INSTANCE,
            CoderUtils.encodeToByteArray(TaskCoders.TaskResultCoder.INSTANCE, result));
    assertEquals(task, back.task());
    assertEquals(result.testIds(), back.testIds());
    assertEquals(result.testGroups(), back.testGroups());
    assertArrayEquals(result.testTargets(), back.testTargets());
    assertArrayEquals(result.testDraws()[0], back.testDraws()[0]);
    assertArrayEquals(result.testDraws()[1], back.testDraws()[1]);
    assertEquals(40, back.trainSize());
    assertEquals(10, back.validationSize());
    assertEquals(2.5, back.seconds());
    assertEquals("embedding size 50, epoch 3 of 13", back.choice());
    assertEquals(Double.NaN, back.validationCcc());
    assertArrayEquals(result.trainLoss(), back.trainLoss());
    assertArrayEquals(result.validationLoss(), back.validationLoss());

    TaskResult failed = TaskResult.failed(task, "target dwell has 1 distinct value(s)");
    assertEquals(
        failed.error(),
        CoderUtils.decodeFromByteArray(
                TaskCoders.TaskResultCoder.INSTANCE,
                CoderUtils.encodeToByteArray(TaskCoders.TaskResultCoder.INSTANCE, failed))
            .error());
  }
}
