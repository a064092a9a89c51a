package io.auglove.pipelines.output;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishing on a local file system, where a folder can be renamed atomically: the staging folder
 * becomes the output in one rename. With {@code --overwrite} the previous output is first renamed
 * aside, so for a moment there is no output; a run killed then leaves the previous output aside
 * whole, and the next run puts it back.
 *
 * <p>The lock is created whole and atomically (a hard link to a file already written), and is stale
 * when its owner process on this host is gone.
 */
final class PublishByRename implements Publisher {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PublishByRename.class);

  /** The lock's content, written in the run's staging folder, then linked as the lock. */
  private static final String LOCK_CONTENT = ".auglove-lock";

  /** Where a stale lock is moved to be read again before it is deleted. */
  private static final String STALE_LOCK = ".auglove-stale-lock";

  private static final int LOCK_ATTEMPTS = 5;

  private final OutputLocation location;

  PublishByRename(OutputLocation location) {
    this.location = location;
  }

  private Path output() {
    return Path.of(location.output());
  }

  private Path lockFile() {
    return Path.of(location.lock());
  }

  private Path staging(String run) {
    return Path.of(location.staging(run));
  }

  private Path old(String run) {
    return Path.of(location.old(run));
  }

  @Override
  public String stagingFolder(String run) {
    return OutputLocation.folder(location.staging(run));
  }

  @Override
  public void createStaging(String run) throws IOException {
    Path staging = staging(run);
    Files.createDirectories(staging.getParent());
    try {
      Files.createDirectory(staging);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalArgumentException(
          "run id " + run + " was used before for " + location.given() + ": " + staging, e);
    }
  }

  @Override
  public void lock(LockOwner owner) throws IOException {
    Path lock = lockFile();
    for (int attempt = 1; attempt <= LOCK_ATTEMPTS; attempt++) {
      Optional<LockOwner> holder = holder();
      if (holder.isPresent()) {
        if (!holder.get().isGoneFromThisHost()) {
          throw new IllegalArgumentException(
              holder.get().refusal(location.given(), lock.toString()));
        }
        takeOver(holder.get(), owner.run());
      } else if (create(lock, owner)) {
        return;
      }
    }
    throw new IllegalStateException(
        "could not take the lock "
            + lock
            + " in "
            + LOCK_ATTEMPTS
            + " attempts: other runs into "
            + location.given()
            + " are starting at the same moment");
  }

  /** Creates the lock whole, or returns false if another run created it first. */
  private boolean create(Path lock, LockOwner owner) throws IOException {
    // Another run's recovery may have removed this run's staging folder while it waited.
    Path content = Files.createDirectories(staging(owner.run())).resolve(LOCK_CONTENT);
    Files.writeString(content, owner.toJson());
    try {
      Files.createLink(lock, content);
      return true;
    } catch (FileAlreadyExistsException | NoSuchFileException e) {
      return false;
    } catch (UnsupportedOperationException e) {
      // No hard links here: create, then fill, leaving a moment where the lock is empty.
      return createThenWrite(lock, owner);
    } finally {
      Files.deleteIfExists(content);
    }
  }

  private static boolean createThenWrite(Path lock, LockOwner owner) throws IOException {
    try {
      Files.createFile(lock);
    } catch (FileAlreadyExistsException e) {
      return false;
    }
    Files.writeString(lock, owner.toJson());
    return true;
  }

  /**
   * Removes the stale lock of {@code stale}. It is moved away first, then read again: if another
   * run replaced it meanwhile, that run's lock is put back.
   */
  private void takeOver(LockOwner stale, String run) throws IOException {
    Path lock = lockFile();
    Path moved = Files.createDirectories(staging(run)).resolve(STALE_LOCK);
    try {
      Files.move(lock, moved, ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      return; // another run took it over first; the caller reads the lock again
    }
    LockOwner taken = LockOwner.parse(location.given(), lock.toString(), Files.readString(moved));
    if (taken.run().equals(stale.run())) {
      LOG.warn(
          "{}: taking over the lock of {}, whose process is gone",
          location.given(),
          stale.describe());
      Files.delete(moved);
    } else {
      Files.move(moved, lock);
    }
  }

  @Override
  public Optional<LockOwner> holder() throws IOException {
    Path lock = lockFile();
    String text;
    try {
      text = Files.readString(lock);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    return Optional.of(LockOwner.parse(location.given(), lock.toString(), text));
  }

  @Override
  public void unlock(String run) throws IOException {
    if (holds(run)) {
      Files.deleteIfExists(lockFile());
    }
  }

  private boolean holds(String run) throws IOException {
    return holder().map(owner -> owner.run().equals(run)).orElse(false);
  }

  @Override
  public List<String> recover(String run) throws IOException {
    List<String> done = new ArrayList<>();
    for (Path old : siblings(OutputLocation.OLD)) {
      String oldRun = runOf(old, OutputLocation.OLD);
      if (isMissingOrEmpty(output())) {
        putBack(old);
        done.add("put back the previous output, which run " + oldRun + " had moved aside");
      } else {
        deleteFolder(old);
        done.add("deleted the previous output that run " + oldRun + " had replaced");
      }
    }
    for (Path staging : siblings(OutputLocation.STAGING)) {
      String stagingRun = runOf(staging, OutputLocation.STAGING);
      if (!stagingRun.equals(run)) {
        deleteFolder(staging);
        done.add("deleted the unfinished staging folder of run " + stagingRun);
      }
    }
    return done;
  }

  @Override
  public boolean hasContent() throws IOException {
    return !isMissingOrEmpty(output());
  }

  @Override
  public void publish(String run, boolean overwrite) throws IOException {
    Path staging = staging(run);
    Path old = old(run);
    Path output = output();
    if (!holds(run)) {
      if (Files.notExists(staging, NOFOLLOW_LINKS) && Files.notExists(old, NOFOLLOW_LINKS)) {
        LOG.info("{}: run {} has already published it", location.given(), run);
        return;
      }
      throw new IllegalStateException(
          location.given()
              + ": run "
              + run
              + " no longer holds the lock "
              + lockFile()
              + ", so it publishes nothing");
    }
    if (Files.exists(staging, NOFOLLOW_LINKS)) {
      OutputManifest.requireReadyToPublish(location.given(), staging.toString());
      if (!isMissingOrEmpty(output)) {
        if (!overwrite) {
          throw new IllegalStateException(
              location.given() + " was written by something else during run " + run);
        }
        Files.move(output, old, ATOMIC_MOVE);
        Steps.reached(Steps.OLD_MOVED_ASIDE);
      } else {
        Files.deleteIfExists(output);
      }
      Files.move(staging, output, ATOMIC_MOVE);
      Steps.reached(Steps.NEW_IN_PLACE);
    }
    deleteFolder(old);
    unlock(run);
  }

  @Override
  public void abort(String run) throws IOException {
    Path old = old(run);
    if (Files.exists(old, NOFOLLOW_LINKS)) {
      if (isMissingOrEmpty(output())) {
        putBack(old);
      } else {
        deleteFolder(old);
      }
    }
    deleteFolder(staging(run));
    unlock(run);
  }

  private void putBack(Path old) throws IOException {
    Files.deleteIfExists(output());
    Files.move(old, output(), ATOMIC_MOVE);
  }

  private List<Path> siblings(String kind) throws IOException {
    String prefix = location.siblingPrefix(kind);
    Path parent = output().getParent();
    List<Path> siblings = new ArrayList<>();
    if (!Files.isDirectory(parent)) {
      return siblings;
    }
    try (DirectoryStream<Path> stream =
        Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith(prefix))) {
      stream.forEach(siblings::add);
    }
    siblings.sort(null);
    return siblings;
  }

  private String runOf(Path sibling, String kind) {
    return sibling.getFileName().toString().substring(location.siblingPrefix(kind).length());
  }

  private static boolean isMissingOrEmpty(Path path) throws IOException {
    if (!Files.exists(path, NOFOLLOW_LINKS)) {
      return true;
    }
    if (!Files.isDirectory(path, NOFOLLOW_LINKS)) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
      return !entries.iterator().hasNext();
    }
  }

  /**
   * Deletes {@code folder} and everything in it, its manifest first, so that a deletion cut short
   * never leaves a folder that looks complete.
   */
  static void deleteFolder(Path folder) throws IOException {
    if (!Files.exists(folder, NOFOLLOW_LINKS)) {
      return;
    }
    Files.deleteIfExists(folder.resolve(OutputManifest.FILE_NAME));
    List<Path> all;
    try (Stream<Path> walk = Files.walk(folder)) {
      all = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path path : all) {
      Files.deleteIfExists(path);
    }
  }
}
