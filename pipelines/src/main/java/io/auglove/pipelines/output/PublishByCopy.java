package io.auglove.pipelines.output;

import com.google.common.collect.ImmutableList;
import io.auglove.pipelines.bundle.Paths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishing on an object store ({@code gs://}), through Beam's file systems only. There is no
 * folder rename, so the manifest is the completion mark: a folder without {@code manifest.json} is
 * incomplete, and every step keeps at most one folder that has one.
 *
 * <ol>
 *   <li>Back up: the output's manifest is moved first (the output stops looking complete) to {@code
 *       old/.auglove-manifest.json}, then every other file to {@code old/}; then {@code
 *       old/.auglove-backup-complete} is written (also when the output was empty).
 *   <li>Copy every staged file into the output, its manifest last.
 *   <li>Clean up: the staged manifest is renamed {@code .auglove-published}; the backup and the
 *       staged files are deleted; the lock is released; the marker is deleted.
 * </ol>
 *
 * A run killed during 1 or 2 leaves an output without a manifest and a backup; the next run puts
 * the previous output back (when the backup was complete, after deleting the partial copy). Killed
 * during 3, the new output is complete and the next run deletes what is left. Each step also
 * resumes where an earlier attempt of the same run stopped, for a runner that retries the
 * publishing step.
 *
 * <p>The lock is checked, then written: two runs that start within the same moment may both take it
 * (Beam's file systems cannot create an object only if it is absent). A lock is never known to be
 * stale here (the launcher of a template job exits while its job runs): the user deletes it, as the
 * refusal says.
 */
final class PublishByCopy implements Publisher {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PublishByCopy.class);

  static final String BACKED_UP_MANIFEST = ".auglove-manifest.json";
  static final String BACKUP_COMPLETE = ".auglove-backup-complete";
  static final String PUBLISHED = ".auglove-published";

  private final OutputLocation location;

  PublishByCopy(OutputLocation location) {
    this.location = location;
  }

  private String output() {
    return location.outputFolder();
  }

  private String staging(String run) {
    return OutputLocation.folder(location.staging(run));
  }

  private String old(String run) {
    return OutputLocation.folder(location.old(run));
  }

  @Override
  public String stagingFolder(String run) {
    return staging(run);
  }

  @Override
  public void createStaging(String run) throws IOException {
    // An object store has no folders to create; a folder holding files is a run id used twice.
    if (!list(staging(run)).isEmpty()) {
      throw new IllegalArgumentException(
          "run id " + run + " was used before for " + location.given() + ": " + staging(run));
    }
  }

  @Override
  public void lock(LockOwner owner) throws IOException {
    Optional<LockOwner> holder = holder();
    if (holder.isPresent()) {
      throw new IllegalArgumentException(holder.get().refusal(location.given(), location.lock()));
    }
    Paths.write(location.lock(), owner.toJson());
  }

  @Override
  public Optional<LockOwner> holder() throws IOException {
    String lock = location.lock();
    if (!exists(lock)) {
      return Optional.empty();
    }
    return Optional.of(LockOwner.parse(location.given(), lock, read(lock)));
  }

  @Override
  public void unlock(String run) throws IOException {
    if (holds(run)) {
      delete(List.of(location.lock()));
    }
  }

  private boolean holds(String run) throws IOException {
    return holder().map(owner -> owner.run().equals(run)).orElse(false);
  }

  @Override
  public List<String> recover(String run) throws IOException {
    List<String> done = new ArrayList<>();
    for (String oldRun : siblingRuns(OutputLocation.OLD)) {
      String old = old(oldRun);
      if (exists(output() + OutputManifest.FILE_NAME)) {
        deleteFolder(old);
        done.add("deleted the previous output that run " + oldRun + " had backed up");
      } else {
        putBack(old);
        done.add("put back the previous output, which run " + oldRun + " had backed up");
      }
    }
    for (String stagingRun : siblingRuns(OutputLocation.STAGING)) {
      if (!stagingRun.equals(run)) {
        deleteFolder(staging(stagingRun));
        done.add("deleted the unfinished staging folder of run " + stagingRun);
      }
    }
    return done;
  }

  @Override
  public boolean hasContent() throws IOException {
    return !list(output()).isEmpty();
  }

  @Override
  public void publish(String run, boolean overwrite) throws IOException {
    String staging = staging(run);
    String old = old(run);
    String output = output();
    List<String> staged = list(staging);
    if (!holds(run)) {
      if (staged.isEmpty() || staged.equals(List.of(PUBLISHED))) {
        delete(List.of(staging + PUBLISHED));
        LOG.info("{}: run {} has already published it", location.given(), run);
        return;
      }
      throw new IllegalStateException(
          location.given()
              + ": run "
              + run
              + " no longer holds the lock "
              + location.lock()
              + ", so it publishes nothing");
    }
    if (!staged.contains(PUBLISHED)) {
      OutputManifest.requireReadyToPublish(location.given(), staging);
      List<String> backup = list(old);
      boolean backedUp = backup.contains(BACKUP_COMPLETE);
      if (!backedUp || !exists(output + OutputManifest.FILE_NAME)) {
        if (!backedUp) {
          List<String> current = list(output);
          if (!overwrite && !current.isEmpty() && backup.isEmpty()) {
            throw new IllegalStateException(
                location.given() + " was written by something else during run " + run);
          }
          backUp(current, old);
        }
        List<String> files = new ArrayList<>(staged);
        files.remove(OutputManifest.FILE_NAME);
        copy(prefixed(staging, files), prefixed(output, files));
        Steps.reached(Steps.NEW_FILES_COPIED);
        copy(
            List.of(staging + OutputManifest.FILE_NAME),
            List.of(output + OutputManifest.FILE_NAME));
        Steps.reached(Steps.NEW_IN_PLACE);
      }
      rename(List.of(staging + OutputManifest.FILE_NAME), List.of(staging + PUBLISHED));
    }
    deleteFolder(old);
    List<String> leftovers = new ArrayList<>(list(staging));
    leftovers.remove(PUBLISHED);
    delete(prefixed(staging, leftovers));
    unlock(run);
    delete(List.of(staging + PUBLISHED));
  }

  /** Moves {@code current}, the output's files, into the backup folder {@code old}. */
  private void backUp(List<String> current, String old) throws IOException {
    List<String> files = new ArrayList<>(current);
    if (files.remove(OutputManifest.FILE_NAME)) {
      rename(List.of(output() + OutputManifest.FILE_NAME), List.of(old + BACKED_UP_MANIFEST));
    }
    rename(prefixed(output(), files), prefixed(old, files));
    Paths.write(old + BACKUP_COMPLETE, new byte[0]);
    Steps.reached(Steps.OLD_MOVED_ASIDE);
  }

  @Override
  public void abort(String run) throws IOException {
    String old = old(run);
    List<String> staged = list(staging(run));
    if (!list(old).isEmpty()) {
      if (staged.contains(PUBLISHED)) {
        deleteFolder(old);
      } else {
        putBack(old);
      }
    }
    deleteFolder(staging(run));
    unlock(run);
  }

  /**
   * Puts the backup {@code old} back as the output. A complete backup means the output holds only
   * new files, which are deleted first; then the mark is deleted, so that a put-back cut short is
   * resumed without deleting what it had already put back.
   */
  private void putBack(String old) throws IOException {
    List<String> backup = list(old);
    if (backup.contains(BACKUP_COMPLETE)) {
      delete(prefixed(output(), list(output())));
      delete(List.of(old + BACKUP_COMPLETE));
    }
    List<String> files = new ArrayList<>(backup);
    files.remove(BACKUP_COMPLETE);
    boolean hadManifest = files.remove(BACKED_UP_MANIFEST);
    rename(prefixed(old, files), prefixed(output(), files));
    if (hadManifest) {
      rename(List.of(old + BACKED_UP_MANIFEST), List.of(output() + OutputManifest.FILE_NAME));
    }
  }

  /** Run ids of the siblings of kind {@code kind} that hold files. */
  private List<String> siblingRuns(String kind) throws IOException {
    String parent = location.parentFolder();
    String prefix = location.siblingPrefix(kind);
    TreeSet<String> runs = new TreeSet<>();
    for (String path : Paths.match(parent + prefix + "*/**")) {
      String rest = path.substring(parent.length() + prefix.length());
      runs.add(rest.substring(0, rest.indexOf('/')));
    }
    return ImmutableList.copyOf(runs);
  }

  /** Deletes every file in {@code folder}, its manifest first. */
  private static void deleteFolder(String folder) throws IOException {
    List<String> files = new ArrayList<>(list(folder));
    if (files.remove(OutputManifest.FILE_NAME)) {
      delete(List.of(folder + OutputManifest.FILE_NAME));
    }
    delete(prefixed(folder, files));
  }

  /** The relative names of every file under {@code folder}, sorted. */
  static List<String> list(String folder) throws IOException {
    List<String> names = new ArrayList<>();
    for (String path : Paths.match(folder + "**")) {
      if (!path.startsWith(folder)) {
        throw new IOException("listing " + folder + " returned " + path + ", outside it");
      }
      names.add(path.substring(folder.length()));
    }
    return names;
  }

  private static List<String> prefixed(String folder, List<String> names) {
    return names.stream().map(name -> folder + name).toList();
  }

  private static boolean exists(String path) throws IOException {
    return !Paths.match(path).isEmpty();
  }

  private static String read(String path) throws IOException {
    return String.join("\n", Paths.readLines(path));
  }

  private static void rename(List<String> from, List<String> to) throws IOException {
    if (!from.isEmpty()) {
      FileSystems.rename(resources(from), resources(to));
    }
  }

  private static void copy(List<String> from, List<String> to) throws IOException {
    if (!from.isEmpty()) {
      FileSystems.copy(resources(from), resources(to));
    }
  }

  private static void delete(List<String> paths) throws IOException {
    if (!paths.isEmpty()) {
      FileSystems.delete(resources(paths), StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }

  private static List<ResourceId> resources(List<String> paths) {
    return paths.stream().map(path -> FileSystems.matchNewResource(path, false)).toList();
  }
}
