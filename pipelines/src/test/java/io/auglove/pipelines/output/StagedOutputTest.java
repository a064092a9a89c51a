package io.auglove.pipelines.output;

import static io.auglove.pipelines.output.OutputFiles.filesOutside;
import static io.auglove.pipelines.output.OutputFiles.generation;
import static io.auglove.pipelines.output.OutputFiles.snapshot;
import static io.auglove.pipelines.output.OutputFiles.stage;
import static io.auglove.pipelines.output.OutputFiles.withManifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.pipelines.bundle.Paths;
import io.auglove.pipelines.output.OutputFiles.Publishing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StagedOutputTest {

  @TempDir Path parent;

  private Path output;

  private Path output() {
    if (output == null) {
      output = parent.resolve("bundle");
    }
    return output;
  }

  private String out() {
    return output().toString();
  }

  private Path lock() {
    return parent.resolve(".bundle.auglove-lock");
  }

  @AfterEach
  void stopListening() {
    Steps.reset();
  }

  private Map<String, String> previous(Publishing publishing) throws IOException {
    OutputFiles.publish(publishing, output(), false, generation(0));
    Map<String, String> before = snapshot(output());
    assertEquals(withManifest(generation(0)), before);
    return before;
  }

  @ParameterizedTest
  @EnumSource(Publishing.class)
  void aRunPublishesANewOutputWholeAndLeavesNothingBeside(Publishing publishing)
      throws IOException {
    StagedOutput run = publishing.begin(out(), false, "r1");
    stage(run, generation(1));
    assertTrue(snapshot(output()).isEmpty(), "nothing is in the output before publishing");

    run.publish();

    assertEquals(withManifest(generation(1)), snapshot(output()));
    assertEquals(List.copyOf(generation(1).keySet()), OutputManifest.verify(out()).files());
    assertEquals(List.of(), filesOutside(parent, output()));
  }

  @ParameterizedTest
  @EnumSource(Publishing.class)
  void anExistingOutputIsRefusedWithoutOverwriteAndLeftAsItWas(Publishing publishing)
      throws IOException {
    Map<String, String> before = previous(publishing);

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> publishing.begin(out(), false, "r2"));

    assertEquals(
        out()
            + " already exists and is not empty; give --overwrite to replace it whole after the"
            + " new run succeeds",
        refused.getMessage());
    assertEquals(before, snapshot(output()));
    assertEquals(List.of(), filesOutside(parent, output()));
    publishing.begin(out(), true, "r3").abort(); // the refused run released the lock
  }

  @ParameterizedTest
  @EnumSource(Publishing.class)
  void anEmptyFolderIsNotAnExistingOutput(Publishing publishing) throws IOException {
    Files.createDirectories(output());
    StagedOutput run = publishing.begin(out(), false, "r1");
    stage(run, generation(1));
    run.publish();

    assertEquals(withManifest(generation(1)), snapshot(output()));
  }

  @ParameterizedTest
  @EnumSource(Publishing.class)
  void overwriteReplacesTheOldOutputWholeOnlyWhenTheRunPublishes(Publishing publishing)
      throws IOException {
    Map<String, String> before = previous(publishing);
    assertTrue(before.containsKey("embeddings-d50.txt"));

    StagedOutput run = publishing.begin(out(), true, "r2");
    stage(run, generation(1));
    assertEquals(before, snapshot(output()), "the old output stays until the run publishes");
    run.publish();

    Map<String, String> after = snapshot(output());
    assertEquals(withManifest(generation(1)), after);
    assertFalse(after.containsKey("embeddings-d50.txt"), "no file of the old run stays");
    assertTrue(after.containsKey("embeddings-d20.txt"));
    assertEquals(List.of(), filesOutside(parent, output()));
  }

  @ParameterizedTest
  @EnumSource(Publishing.class)
  void aFailedRunLeavesThePreviousOutputByteForByte(Publishing publishing) throws IOException {
    Map<String, String> before = previous(publishing);
    StagedOutput run = publishing.begin(out(), true, "r2");
    Paths.write(run.stagingPath("centroids.csv"), "half a file");

    run.abort();

    assertEquals(before, snapshot(output()));
    assertEquals(List.of(), filesOutside(parent, output()));
  }

  /** A publish that fails at {@code step}, then is given up by the launcher. */
  private void failAt(Publishing publishing, String step) throws IOException {
    Map<String, String> before = previous(publishing);
    StagedOutput run = publishing.begin(out(), true, "r2");
    stage(run, generation(1));
    Steps.listen(
        reached -> {
          if (reached.equals(step)) {
            throw new IllegalStateException("stopped at " + step);
          }
        });

    IllegalStateException stopped = assertThrows(IllegalStateException.class, run::publish);
    assertEquals("stopped at " + step, stopped.getMessage());
    Steps.reset();
    run.abort();

    assertEquals(before, snapshot(output()));
    assertEquals(List.of(), filesOutside(parent, output()));
  }

  @ParameterizedTest
  @EnumSource(Publishing.class)
  void aPublishThatFailsOnceTheOldOutputIsAsideIsUndoneByAbort(Publishing publishing)
      throws IOException {
    failAt(publishing, Steps.OLD_MOVED_ASIDE);
  }

  @Test
  void aPublishThatFailsWithEveryFileButTheManifestCopiedIsUndoneByAbort() throws IOException {
    failAt(Publishing.COPY, Steps.NEW_FILES_COPIED);
  }

  @Test
  void aPublishThatFailsWithTheNewOutputInPlaceBeforeCleaningUpIsUndoneByAbort()
      throws IOException {
    failAt(Publishing.COPY, Steps.NEW_IN_PLACE);
  }

  @ParameterizedTest
  @EnumSource(Publishing.class)
  void aPublishCutShortIsFinishedByCallingItAgain(Publishing publishing) throws IOException {
    for (String step : List.of(Steps.OLD_MOVED_ASIDE, Steps.NEW_FILES_COPIED, Steps.NEW_IN_PLACE)) {
      previousOrReplace(publishing);
      StagedOutput run = publishing.begin(out(), true, "r-" + step);
      stage(run, generation(1));
      Steps.listen(
          reached -> {
            if (reached.equals(step)) {
              throw new IllegalStateException("stopped at " + step);
            }
          });
      boolean stopped = false;
      try {
        run.publish();
      } catch (IllegalStateException e) {
        stopped = true;
        assertEquals("stopped at " + step, e.getMessage());
      }
      assertEquals(
          publishing == Publishing.COPY || !step.equals(Steps.NEW_FILES_COPIED), stopped, step);
      Steps.reset();

      run.publish();
      run.publish();

      assertEquals(withManifest(generation(1)), snapshot(output()), step);
      assertEquals(List.of(), filesOutside(parent, output()), step);
    }
  }

  private void previousOrReplace(Publishing publishing) throws IOException {
    OutputFiles.publish(publishing, output(), true, generation(0));
    assertEquals(withManifest(generation(0)), snapshot(output()));
  }

  @ParameterizedTest
  @EnumSource(Publishing.class)
  void aPublishKilledOnceTheOldOutputIsAsideIsUndoneByTheNextRun(Publishing publishing)
      throws IOException {
    Map<String, String> before = previous(publishing);
    StagedOutput run = publishing.begin(out(), true, "killed");
    stage(run, generation(1));
    Steps.listen(
        reached -> {
          if (reached.equals(Steps.OLD_MOVED_ASIDE)) {
            throw new IllegalStateException("killed");
          }
        });
    assertThrows(IllegalStateException.class, run::publish);
    Steps.reset();
    // What a kill leaves: the lock of a process that is gone (local), or a lock the user deletes.
    if (publishing == Publishing.RENAME) {
      Files.writeString(lock(), lockOf("killed", LockOwner.thisHost(), deadPid(), Instant.now()));
    } else {
      Files.delete(lock());
    }

    StagedOutput next = publishing.begin(out(), true, "next");

    assertEquals(
        List.of(
            publishing == Publishing.RENAME
                ? "put back the previous output, which run killed had moved aside"
                : "put back the previous output, which run killed had backed up",
            "deleted the unfinished staging folder of run killed"),
        next.recovery());
    assertEquals(before, snapshot(output()));
    next.abort();
    assertEquals(List.of(), filesOutside(parent, output()));
  }

  @ParameterizedTest
  @EnumSource(Publishing.class)
  void aSecondRunIntoAnOutputBeingWrittenIsRefused(Publishing publishing) throws IOException {
    StagedOutput first = publishing.begin(out(), false, "first");
    Paths.write(first.stagingPath("centroids.csv"), "first's");

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> publishing.begin(out(), true, "second"));

    String message = refused.getMessage();
    String owner =
        out()
            + " is being written by run first (pid "
            + ProcessHandle.current().pid()
            + " on "
            + LockOwner.thisHost()
            + ", started ";
    assertTrue(message.startsWith(owner), message);
    assertTrue(
        message.endsWith("; if that run is no longer running, delete " + lock() + " and run again"),
        message);
    assertFalse(message.contains("\n"));
    assertEquals("first's", Files.readString(Path.of(first.stagingPath("centroids.csv"))));

    stage(first, generation(1));
    first.publish();
    assertEquals(withManifest(generation(1)), snapshot(output()));
    StagedOutput third = publishing.begin(out(), true, "third");
    stage(third, generation(2));
    third.publish();
    assertEquals(withManifest(generation(2)), snapshot(output()));
  }

  private String lockOf(String run, String host, long pid, Instant started) {
    return new LockOwner(out(), run, host, pid, started).toJson();
  }

  private static long deadPid() throws IOException {
    Process process = new ProcessBuilder("true").start();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for 'true'", e);
    }
    assertFalse(ProcessHandle.of(process.pid()).isPresent());
    return process.pid();
  }

  @Test
  void theLockOfAProcessThatIsGoneIsTakenOverAndItsStagingDeleted() throws IOException {
    Map<String, String> before = previous(Publishing.RENAME);
    Files.writeString(lock(), lockOf("gone", LockOwner.thisHost(), deadPid(), Instant.now()));
    Path staging = parent.resolve(".bundle.auglove-staging-gone");
    Files.createDirectories(staging.resolve("fixed"));
    Files.writeString(staging.resolve("centroids.csv"), "partial");

    StagedOutput run = StagedOutput.begin(out(), true, "next");

    assertEquals(List.of("deleted the unfinished staging folder of run gone"), run.recovery());
    assertFalse(Files.exists(staging));
    assertTrue(Files.readString(lock()).contains("\"run\" : \"next\""), Files.readString(lock()));
    assertEquals(before, snapshot(output()));
    run.abort();
    assertFalse(Files.exists(lock()));
  }

  @Test
  void theLockOfALiveProcessIsNotTakenOver() throws IOException {
    String held =
        lockOf("alive", LockOwner.thisHost(), ProcessHandle.current().pid(), Instant.now());
    Files.writeString(lock(), held);

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> StagedOutput.begin(out(), true, "r"));

    assertTrue(
        refused.getMessage().contains("is being written by run alive"), refused.getMessage());
    assertEquals(held, Files.readString(lock()));
    assertEquals(List.of(".bundle.auglove-lock"), filesOutside(parent, output()));
  }

  @Test
  void theLockOfALiveProcessThatStartedAfterItIsStaleBecauseThePidWasReused() throws IOException {
    Files.writeString(
        lock(),
        lockOf(
            "reused",
            LockOwner.thisHost(),
            ProcessHandle.current().pid(),
            Instant.parse("2000-01-01T00:00:00Z")));

    StagedOutput run = StagedOutput.begin(out(), false, "r");

    assertTrue(Files.readString(lock()).contains("\"run\" : \"r\""));
    run.abort();
  }

  @Test
  void theLockOfAnotherHostIsNotTakenOver() throws IOException {
    Files.writeString(lock(), lockOf("remote", "elsewhere.example", deadPid(), Instant.now()));

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> StagedOutput.begin(out(), true, "r"));

    assertTrue(refused.getMessage().contains("run remote (pid "), refused.getMessage());
    assertTrue(refused.getMessage().contains(" on elsewhere.example, started "));
  }

  @Test
  void onAnObjectStoreALockIsStaleOnlyOnceTheUserDeletesIt() throws IOException {
    Files.writeString(lock(), lockOf("gone", LockOwner.thisHost(), deadPid(), Instant.now()));

    assertThrows(IllegalArgumentException.class, () -> StagedOutput.beginByCopy(out(), true, "r"));
    Files.delete(lock());

    StagedOutput.beginByCopy(out(), true, "r").abort();
  }

  @ParameterizedTest
  @EnumSource(Publishing.class)
  void anUnreadableLockIsRefusedNamingIt(Publishing publishing) throws IOException {
    Files.writeString(lock(), "");

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> publishing.begin(out(), true, "r"));

    assertTrue(
        refused.getMessage().startsWith(out() + " is locked by " + lock() + ", which cannot be"),
        refused.getMessage());
    assertTrue(refused.getMessage().endsWith("delete " + lock() + " and run again"));
  }

  @ParameterizedTest
  @EnumSource(Publishing.class)
  void aStagingFolderWithoutItsManifestOrAListedFileIsNotPublished(Publishing publishing)
      throws IOException {
    Map<String, String> before = previous(publishing);
    StagedOutput run = publishing.begin(out(), true, "r");
    Paths.write(run.stagingPath("centroids.csv"), "new");

    IllegalStateException noManifest = assertThrows(IllegalStateException.class, run::publish);
    assertTrue(
        noManifest.getMessage().endsWith("it has no manifest.json"), noManifest.getMessage());
    OutputManifest.write(
        run.stagingFolder(), OutputFiles.manifestText(Map.of("centroids.csv", "new", "x", "y")));
    IllegalStateException missing = assertThrows(IllegalStateException.class, run::publish);
    assertTrue(
        missing.getMessage().contains(run.stagingPath("x") + " is listed in its manifest but"),
        missing.getMessage());

    assertEquals(before, snapshot(output()));
    run.abort();
    assertEquals(before, snapshot(output()));
  }

  @ParameterizedTest
  @EnumSource(Publishing.class)
  void aRunPublishedFromADoFnOnTheDirectRunner(Publishing publishing) throws IOException {
    previous(publishing);
    StagedOutput run = publishing.begin(out(), true, "piped");
    stage(run, generation(3));
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    pipeline.apply(Create.of("manifest written")).apply(ParDo.of(run.<String>publishFn()));

    pipeline.run().waitUntilFinish();

    assertEquals(withManifest(generation(3)), snapshot(output()));
    assertEquals(List.of(), filesOutside(parent, output()));
  }

  @Test
  void badRunIdsAndFileNamesAreRefused() throws IOException {
    IllegalArgumentException badId =
        assertThrows(IllegalArgumentException.class, () -> StagedOutput.begin(out(), false, "a/b"));
    assertTrue(badId.getMessage().startsWith("run id 'a/b' must be"), badId.getMessage());

    StagedOutput run = StagedOutput.begin(out(), false, "r");
    for (String name : List.of("../x", "/x", "a//b", "", "a/./b")) {
      IllegalArgumentException bad =
          assertThrows(IllegalArgumentException.class, () -> run.stagingPath(name));
      assertEquals(
          "file name '" + name + "' must be a relative path inside the output", bad.getMessage());
    }
    assertEquals(
        parent.resolve(".bundle.auglove-staging-r/fixed/a.json").toString(),
        run.stagingPath("fixed/a.json"));
    run.abort();
  }

  @Test
  void aRunIdUsedTwiceIsRefused() throws IOException {
    Files.createDirectories(parent.resolve(".bundle.auglove-staging-r"));

    IllegalArgumentException reused =
        assertThrows(IllegalArgumentException.class, () -> StagedOutput.begin(out(), false, "r"));

    assertTrue(reused.getMessage().startsWith("run id r was used before"), reused.getMessage());
  }

  @Test
  void newRunIdsAreDistinctAndValid() {
    Map<String, Boolean> ids = new TreeMap<>();
    for (int i = 0; i < 100; i++) {
      ids.put(StagedOutput.newRunId(), true);
    }
    assertEquals(100, ids.size());
    ids.keySet().forEach(id -> assertTrue(id.matches("\\d{8}T\\d{6}Z-[0-9a-f]{6}"), id));
  }
}
