package io.auglove.pipelines.output;

import java.util.function.Consumer;

/**
 * Named moments of publishing, where a test can watch a run or stop it between two file-system
 * operations. Nothing listens outside tests.
 */
final class Steps {

  /** The previous output was moved aside (local) or backed up whole (object store). */
  static final String OLD_MOVED_ASIDE = "old-moved-aside";

  /** Every new file is in the output but its manifest (object store only). */
  static final String NEW_FILES_COPIED = "new-files-copied";

  /** The new output is in place with its manifest. */
  static final String NEW_IN_PLACE = "new-in-place";

  private static volatile Consumer<String> listener = step -> {};

  private Steps() {}

  /** Calls {@code listener} at every step of this JVM; a test sets it, then {@link #reset()}. */
  static void listen(Consumer<String> newListener) {
    listener = newListener;
  }

  static void reset() {
    listener = step -> {};
  }

  static void reached(String step) {
    listener.accept(step);
  }
}
