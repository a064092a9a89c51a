package io.auglove.pipelines.evaluate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.util.VarInt;

/** Coders of {@link Task} and {@link TaskResult}. */
final class TaskCoders {

  private TaskCoders() {}

  /** Protocol, model, target and index. */
  static final class TaskCoder extends AtomicCoder<Task> {
    static final TaskCoder INSTANCE = new TaskCoder();

    @Override
    public void encode(Task task, OutputStream out) throws IOException {
      VarInt.encode(task.protocol().ordinal(), out);
      StringUtf8Coder.of().encode(task.model(), out);
      StringUtf8Coder.of().encode(task.target(), out);
      VarInt.encode(task.index(), out);
    }

    @Override
    public Task decode(InputStream in) throws IOException {
      return new Task(
          Protocol.values()[VarInt.decodeInt(in)],
          StringUtf8Coder.of().decode(in),
          StringUtf8Coder.of().decode(in),
          VarInt.decodeInt(in));
    }

    @Override
    public void verifyDeterministic() {}
  }

  /**
   * The task, the error or null, the test ids and groups, targets, draws, figures and the losses
   * per epoch.
   */
  static final class TaskResultCoder extends AtomicCoder<TaskResult> {
    static final TaskResultCoder INSTANCE = new TaskResultCoder();
    private static final NullableCoder<String> ERROR = NullableCoder.of(StringUtf8Coder.of());

    @Override
    public void encode(TaskResult r, OutputStream out) throws IOException {
      TaskCoder.INSTANCE.encode(r.task(), out);
      ERROR.encode(r.error(), out);
      strings(r.testIds(), out);
      strings(r.testGroups(), out);
      doubles(r.testTargets(), out);
      VarInt.encode(r.testDraws().length, out);
      for (double[] draw : r.testDraws()) {
        doubles(draw, out);
      }
      DoubleCoder.of().encode(r.validationCcc(), out);
      VarInt.encode(r.trainSize(), out);
      VarInt.encode(r.validationSize(), out);
      DoubleCoder.of().encode(r.seconds(), out);
      StringUtf8Coder.of().encode(r.choice(), out);
      StringUtf8Coder.of().encode(r.device(), out);
      doubles(r.trainLoss(), out);
      doubles(r.validationLoss(), out);
    }

    @Override
    public TaskResult decode(InputStream in) throws IOException {
      Task task = TaskCoder.INSTANCE.decode(in);
      String error = ERROR.decode(in);
      List<String> ids = strings(in);
      List<String> groups = strings(in);
      double[] targets = doubles(in);
      double[][] draws = new double[VarInt.decodeInt(in)][];
      for (int d = 0; d < draws.length; d++) {
        draws[d] = doubles(in);
      }
      return new TaskResult(
          task,
          error,
          ids,
          groups,
          targets,
          draws,
          DoubleCoder.of().decode(in),
          VarInt.decodeInt(in),
          VarInt.decodeInt(in),
          DoubleCoder.of().decode(in),
          StringUtf8Coder.of().decode(in),
          StringUtf8Coder.of().decode(in),
          doubles(in),
          doubles(in));
    }

    @Override
    public void verifyDeterministic() {}

    private static void strings(List<String> values, OutputStream out) throws IOException {
      VarInt.encode(values.size(), out);
      for (String value : values) {
        StringUtf8Coder.of().encode(value, out);
      }
    }

    private static List<String> strings(InputStream in) throws IOException {
      int count = VarInt.decodeInt(in);
      List<String> values = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        values.add(StringUtf8Coder.of().decode(in));
      }
      return List.copyOf(values);
    }

    private static void doubles(double[] values, OutputStream out) throws IOException {
      VarInt.encode(values.length, out);
      for (double value : values) {
        DoubleCoder.of().encode(value, out);
      }
    }

    private static double[] doubles(InputStream in) throws IOException {
      double[] values = new double[VarInt.decodeInt(in)];
      for (int i = 0; i < values.length; i++) {
        values[i] = DoubleCoder.of().decode(in);
      }
      return values;
    }
  }
}
