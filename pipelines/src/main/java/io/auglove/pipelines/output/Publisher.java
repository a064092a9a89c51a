package io.auglove.pipelines.output;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * How one kind of file system locks, stages, publishes and rolls back an output: {@link
 * PublishByRename} where a folder can be renamed, {@link PublishByCopy} on object stores.
 */
interface Publisher extends Serializable {

  /**
   * Creates run {@code run}'s empty staging folder.
   *
   * @throws IllegalArgumentException if it exists already (a run id used twice)
   */
  void createStaging(String run) throws IOException;

  /**
   * Takes the output's lock for {@code owner}, taking over a lock known to be stale.
   *
   * @throws IllegalArgumentException naming the holder if another run holds it
   */
  void lock(LockOwner owner) throws IOException;

  /** Who holds the lock, if anyone. */
  Optional<LockOwner> holder() throws IOException;

  /** Deletes the lock if run {@code run} holds it. */
  void unlock(String run) throws IOException;

  /**
   * Repairs, under the lock of run {@code run}, what earlier runs left when they were killed:
   * restores a previous output that was moved aside, deletes other runs' staging folders.
   *
   * @return what was done, one line each
   */
  List<String> recover(String run) throws IOException;

  /** Whether the output exists and holds anything. */
  boolean hasContent() throws IOException;

  /** Run {@code run}'s staging folder, ending with a separator. */
  String stagingFolder(String run);

  /**
   * Replaces the output by run {@code run}'s staging folder, then releases the lock. Resumes an
   * interrupted attempt of the same run; does nothing if the run has already published.
   */
  void publish(String run, boolean overwrite) throws IOException;

  /**
   * Gives up run {@code run}: puts back a previous output it had moved aside, deletes its staging
   * folder and releases the lock.
   */
  void abort(String run) throws IOException;
}
