/**
 * Outputs that are whole or absent: a run writes into a staging folder and publishes the whole
 * output only when it succeeded ({@link io.auglove.pipelines.output.StagedOutput}); every output
 * ends with a {@code manifest.json}, written last, that lists each file with its SHA-256, and
 * readers check a folder against it before reading ({@link
 * io.auglove.pipelines.output.OutputManifest#verify}).
 *
 * <p>Beside an output {@code <parent>/<name>} a run keeps hidden siblings: the lock {@code
 * .<name>.auglove-lock} (run id, host, pid, start time), its staging folder {@code
 * .<name>.auglove-staging-<run>} and, while it replaces an output, the previous one in {@code
 * .<name>.auglove-old-<run>}.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li>An existing non-empty output is refused unless the run may overwrite it; the old output is
 *       then replaced whole, no file of it stays beside the new ones, and only after the new run
 *       wrote everything.
 *   <li>A second run into an output that a run is writing is refused, naming the lock's owner.
 *   <li><b>Local file system</b>: publishing is a rename of the staging folder onto the output. To
 *       replace an output, the old one is first renamed aside; between the two renames there is no
 *       output. A lock whose process on this host is gone is stale and the next run takes it over.
 *   <li><b>Object store ({@code gs://})</b>: there is no folder rename, so the manifest is the
 *       completion mark. The old output is moved to the backup, its manifest first; the new files
 *       are copied in, the manifest last. A reader refuses a folder without a manifest. The lock is
 *       checked, then written (Beam's file systems cannot create an object only if absent): two
 *       runs started within the same moment may both take it. A lock is stale only when the user
 *       deletes it, as the refusal says, since a template's launcher exits while its job runs.
 * </ul>
 *
 * <h2>What a killed run leaves, and how the next run recovers</h2>
 *
 * A run killed before publishing leaves its staging folder and its lock; the output is untouched.
 * Killed while publishing, it leaves the output either complete (new) or missing or without a
 * manifest, and the previous output whole in the backup folder. The next run into the output, once
 * it holds the lock (a local stale lock is taken over; on {@code gs://} the user deletes it), puts
 * the previous output back where the new one is not complete, deletes the backup where it is, and
 * deletes every staging folder of other runs. A staging or backup folder never looks complete while
 * it is partly deleted: its manifest is deleted first. A launcher that sees its pipeline fail calls
 * {@link io.auglove.pipelines.output.StagedOutput#abort}, which does the same for its own run at
 * once.
 */
package io.auglove.pipelines.output;
