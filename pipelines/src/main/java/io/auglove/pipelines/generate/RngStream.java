package io.auglove.pipelines.generate;

/**
 * The independent streams of random draws of a corpus. The ids are part of the corpus format: a
 * changed id changes every corpus generated for a seed, so ids are fixed numbers, not ordinals.
 */
enum RngStream {
  /** The expression prototypes and cycles, one per corpus. */
  PROTOTYPES(1),
  /** How many videos each participant has, one per corpus. */
  VIDEO_ASSIGNMENT(2),
  /** The train/dev/test split of participants, one per corpus. */
  SPLITS(3),
  /** Which files are gzipped or use CRLF, one per corpus. */
  FILE_FLAGS(4),
  /** A participant's scores. */
  SCORES(10),
  /** A participant's nuisance (baseline offsets, gain); never mixed with the scores. */
  NUISANCE(11),
  /** A video's frame rate, duration and writer style. */
  VIDEO_LAYOUT(20),
  /** A video's sequence of latent states (which state follows which). */
  LATENT_STATES(21),
  /** A video's latent dwell times (how long each state lasts). */
  LATENT_DWELLS(26),
  /** A video's AU noise and blinks. */
  AU_NOISE(22),
  /** A video's AU occurrence decisions. */
  OCCURRENCE(23),
  /** A video's head pose and gaze. */
  HEAD(24),
  /** A video's tracking problems. */
  TRACKING(25);

  private final long id;

  RngStream(long id) {
    this.id = id;
  }

  long id() {
    return id;
  }
}
