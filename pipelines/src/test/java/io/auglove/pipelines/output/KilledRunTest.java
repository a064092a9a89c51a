package io.auglove.pipelines.output;

import static io.auglove.pipelines.output.OutputFiles.filesOutside;
import static io.auglove.pipelines.output.OutputFiles.generation;
import static io.auglove.pipelines.output.OutputFiles.snapshot;
import static io.auglove.pipelines.output.OutputFiles.withManifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.auglove.pipelines.output.OutputFiles.Publishing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that are killed with SIGKILL at random moments in a child JVM ({@link KilledRun}), each over
 * the output that the runs before it left. After each kill, the output is the previous one byte for
 * byte or the whole new one, never a mix; no folder beside it looks complete unless it is; and the
 * next run, once it holds the lock, leaves nothing but the output.
 *
 * <p>Each kill waits for one stage of the run (the JVM's start, files being written, the manifest
 * written, the previous output aside, the new one in place), taken in turn, then a random pause
 * (seeded) within that stage's length.
 */
class KilledRunTest {

  private static final long FILE_PAUSE_MS = 40;
  private static final long STEP_PAUSE_MS = 500;
  private static final String START = "start";

  @TempDir Path root;

  private Path parent;

  @BeforeEach
  void folders() throws IOException {
    parent = Files.createDirectories(root.resolve("outputs"));
  }

  /** A stage to wait for, and how long after it a kill may land (ms). */
  private record Moment(String stage, int spreadMs) {}

  @Test
  void aRunKilledAtTwentyMomentsLeavesThePreviousOutputOrTheWholeNewOne() throws Exception {
    int putBack =
        killRuns(
            Publishing.RENAME,
            20,
            new Random(20_250_101L),
            List.of(
                new Moment(START, 900),
                new Moment(KilledRun.BEGUN, 5 * (int) FILE_PAUSE_MS),
                new Moment(KilledRun.MANIFEST_WRITTEN, 5),
                new Moment(Steps.OLD_MOVED_ASIDE, (int) STEP_PAUSE_MS - 200),
                new Moment(Steps.NEW_IN_PLACE, 5)));
    assertTrue(putBack >= 1, "no kill landed while the previous output was aside");
  }

  @Test
  void onAnObjectStoreARunKilledAtTenMomentsLeavesThePreviousOutputOrTheWholeNewOne()
      throws Exception {
    int putBack =
        killRuns(
            Publishing.COPY,
            10,
            new Random(20_250_102L),
            List.of(
                new Moment(START, 900),
                new Moment(KilledRun.BEGUN, 5 * (int) FILE_PAUSE_MS),
                new Moment(Steps.OLD_MOVED_ASIDE, (int) STEP_PAUSE_MS - 200),
                new Moment(Steps.NEW_FILES_COPIED, (int) STEP_PAUSE_MS - 200),
                new Moment(Steps.NEW_IN_PLACE, 5)));
    assertTrue(putBack >= 1, "no kill landed while the previous output was backed up");
  }

  /**
   * Kills {@code kills} runs, each at the next of {@code moments}; returns how many times the next
   * run put the previous output back.
   */
  private int killRuns(Publishing publishing, int kills, Random random, List<Moment> moments)
      throws Exception {
    Path output = parent.resolve("bundle");
    OutputFiles.publish(publishing, output, false, generation(0));
    Map<String, String> previous = snapshot(output);
    int kept = 0;
    int replaced = 0;
    int putBack = 0;
    for (int generation = 1; generation <= kills; generation++) {
      Moment moment = moments.get((generation - 1) % moments.size());
      int pause = random.nextInt(moment.spreadMs() + 1);
      List<String> stages = killAt(publishing, output, generation, moment.stage(), pause);
      String where = "generation " + generation + " killed " + pause + " ms after " + moment;

      assertNothingLooksCompleteUnlessItIs(where);
      if (publishing == Publishing.COPY) {
        Files.deleteIfExists(parent.resolve(".bundle.auglove-lock")); // as the user would
      }
      StagedOutput next = publishing.begin(output.toString(), true, "next-" + generation);
      if (next.recovery().stream().anyMatch(line -> line.startsWith("put back"))) {
        putBack++;
      }
      Map<String, String> now = snapshot(output);
      if (now.equals(previous)) {
        kept++;
      } else if (now.equals(withManifest(generation(generation)))) {
        OutputManifest.verify(output.toString());
        replaced++;
      } else {
        fail(
            where
                + " (stages "
                + stages
                + "): the output is neither the previous nor the new one: "
                + now.keySet());
      }
      assertEquals(List.of(".bundle.auglove-lock"), filesOutside(parent, output), where);
      next.abort();
      assertEquals(List.of(), filesOutside(parent, output), where);
      previous = now;
    }
    String summary =
        publishing
            + ": "
            + kills
            + " kills; the previous output kept "
            + kept
            + " times (put back "
            + putBack
            + " times), the new one published "
            + replaced
            + " times";
    System.out.println(summary);
    assertTrue(kept >= 1 && replaced >= 1, summary);
    return putBack;
  }

  /** Every folder under the parent that has a manifest passes verification. */
  private void assertNothingLooksCompleteUnlessItIs(String where) throws IOException {
    List<Path> manifests;
    try (Stream<Path> walk = Files.walk(parent)) {
      manifests =
          walk.filter(path -> path.getFileName().toString().equals(OutputManifest.FILE_NAME))
              .toList();
    }
    for (Path manifest : manifests) {
      try {
        OutputManifest.verify(manifest.getParent().toString());
      } catch (IllegalArgumentException e) {
        fail(where + ": " + manifest.getParent() + " looks complete but is not: " + e.getMessage());
      }
    }
  }

  /**
   * Starts a run of {@code generation}, waits for {@code stage} then {@code pauseMs}, kills it with
   * SIGKILL and waits for it to end; the stages it had printed.
   */
  private List<String> killAt(
      Publishing publishing, Path output, int generation, String stage, int pauseMs)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                KilledRun.class.getName(),
                output.toString(),
                publishing.name(),
                "killed-" + generation,
                String.valueOf(generation),
                String.valueOf(FILE_PAUSE_MS),
                String.valueOf(STEP_PAUSE_MS))
            .redirectError(root.resolve("run-" + generation + ".log").toFile());
    Process child = builder.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    List<String> seen = new ArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("reading the child's output failed: " + e.getMessage());
              }
            });
    reader.start();
    if (!stage.equals(START)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (seen.isEmpty() || !seen.get(seen.size() - 1).equals(stage)) {
        String line = lines.poll(50, TimeUnit.MILLISECONDS);
        if (line != null) {
          seen.add(line);
        } else if (!reader.isAlive() && lines.isEmpty() || System.nanoTime() > deadline) {
          child.destroyForcibly();
          fail(
              "generation "
                  + generation
                  + " never reached "
                  + stage
                  + "; it printed "
                  + seen
                  + " and logged "
                  + Files.readString(root.resolve("run-" + generation + ".log")));
        }
      }
    }
    Thread.sleep(pauseMs);
    child.destroyForcibly();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed run did not end");
    reader.join(TimeUnit.SECONDS.toMillis(30));
    lines.drainTo(seen);
    if (seen.stream().anyMatch(line -> line.startsWith("reading the child"))) {
      fail(String.join("\n", seen));
    }
    return seen;
  }
}
