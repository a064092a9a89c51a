/**
 * A generator of synthetic OpenFace corpora with planted facial dynamics, so that the whole method
 * (k-means vocabulary, GloVe embeddings, sequence models that estimate symptom scores) can be run
 * and checked without clinical data.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * CorpusSpec spec = CorpusSpec.builder().optVideoCount(200).optSeed(1).build();
 * CorpusSummary summary = CorpusGenerator.write(spec, "/tmp/corpus");   // or gs://bucket/corpus
 * VideoSimulator truth = VideoSimulator.forSpec(spec);                  // the latent states
 * LatentTrace trace = truth.latent(CorpusPlan.of(spec).videos().get(0));
 * }</pre>
 *
 * <p>{@link io.auglove.pipelines.generate.CorpusGenerator} writes {@code recordings/pNNN_vK.csv} (a
 * fraction {@code .csv.gz}) in the CSV styles of real OpenFace versions, and {@code labels.csv}
 * with each recording's participant, scores and split. {@link
 * io.auglove.pipelines.generate.CorpusPlan} says who and what is in the corpus; {@link
 * io.auglove.pipelines.generate.VideoSimulator} gives the latent truth of any video. The same spec
 * always gives byte-identical files: every random draw comes from a stream derived from (seed,
 * purpose, index), with platform-independent arithmetic ({@link java.lang.StrictMath}).
 *
 * <h2>The model of the dynamics</h2>
 *
 * <p>Each video is a latent semi-Markov process over expression states. A corpus has one vocabulary
 * of states, fixed by the seed: a near-zero neutral face and {@code E} (default 12) expressions,
 * each a sparse AU vector (1 to 4 active AUs, intensities 0.5 to 4, built from common FACS
 * combinations such as AU06+AU12 or AU01+AU02+AU05+AU26). The expressions are arranged in directed
 * cycles of {@code L} (default 4). After an expression the face returns to neutral with probability
 * {@code h} (0.3); otherwise, and after a neutral pause, it moves on from the last expression: with
 * probability {@code q} (0.1) to any other expression, else to the next expression of its cycle
 * with probability {@code p} and to the previous one with {@code 1 - p}. Every visit lasts {@code
 * mean * (0.15 + 0.85 * G / k)} seconds with {@code G} ~ Gamma({@code k}, 1), rounded to whole
 * frames, for every state alike. A frame shows the current prototype, reached from the previous one
 * by a smoothstep onset ramp of 0.3 s (or the whole visit if shorter), times the participant's
 * gain, plus the participant's small per-AU baseline offsets, plus smooth Gaussian noise (AR(1), sd
 * 0.15, time constant 0.1 s), plus blinks on AU45 (15 per minute, 0.15 to 0.35 s, peak 1.5 to 3.5),
 * clipped to [0, 5]. Gain and offsets are drawn per participant from their own stream and never
 * depend on a score. Each participant has four integer scores from 1 to 7, drawn uniformly and
 * independently, and each drives one different aspect of the process (see {@link
 * io.auglove.pipelines.generate.PlantedDynamics}): {@code dwell} sets the mean visit duration, from
 * 0.6 s at 1 to 2.5 s at 7 (geometric steps); {@code order} sets {@code p}, from 0.85 at 1 (cycles
 * run forwards) through 0.5 at 4 (no preferred direction) to 0.15 at 7 (cycles run backwards);
 * {@code regularity} sets the gamma shape {@code k}, from 16 at 1 (nearly constant durations,
 * coefficient of variation 0.21) to 1 at 7 (exponential, 0.85), at a fixed mean; {@code control} is
 * drawn the same way and drives nothing. No score changes how often each state is seen or what a
 * state looks like, so per-frame statistics carry no score: {@code dwell} and {@code regularity}
 * show only in how long runs of one expression last, and {@code order} only in the direction in
 * which expressions follow one another, which symmetric co-occurrence counts cannot see but a
 * sequence model can.
 *
 * <h2>Why no score moves the stationary distribution</h2>
 *
 * <ul>
 *   <li><b>Which states are visited.</b> Between expressions, the move matrix gives the successor
 *       {@code (1 - q) p}, the predecessor {@code (1 - q)(1 - p)} and each other expression {@code
 *       q / (E - 1)}. Each expression is the successor of exactly one expression and the
 *       predecessor of exactly one, so every column of this matrix also sums to 1: it is doubly
 *       stochastic, and its stationary distribution is uniform whatever {@code p}. Neutral pauses
 *       are inserted with a fixed probability {@code h} and the move resumes from the last
 *       expression, so the share of visits is {@code h / (1 + h)} for neutral and {@code 1 / (E (1
 *       + h))} for each expression, for every score.
 *   <li><b>How long they last.</b> Every state's visit durations have the same distribution, drawn
 *       from a stream of their own, independent of the state sequence. The share of time in a state
 *       is its share of visits times its mean duration over the mean duration of all visits, so it
 *       equals its share of visits: {@code dwell} and {@code regularity} cancel out.
 *   <li><b>What a frame shows.</b> A visit's frames are its prototype, except for the onset ramp
 *       whose weights do not depend on which states are involved. In a stationary sequence every
 *       state is as often the previous as the current state of a visit, so ramps move as much
 *       intensity from each prototype as they move to it, and the expected per-AU frame mean is the
 *       occupancy-weighted mean of the prototypes for any {@code p} or {@code k}. Reversing the
 *       direction of a cycle only reverses ramps, which for the symmetric smoothstep changes
 *       nothing at all; a different {@code k} changes how many frames are in ramps, which moves the
 *       means only through the clipping of noise at 0, well below the tolerance the tests use.
 *   <li><b>Each video starts in equilibrium:</b> the process starts from the stationary share of
 *       visits and runs ten mean durations before the first frame.
 * </ul>
 *
 * <p>{@code PlantedDynamicsTest} measures all of this on simulated traces: mean dwell, forward
 * fraction and dwell variation against the formulas, each score against the other aspects, state
 * occupancy and per-AU frame means across scores, and the control score changing nothing, bit for
 * bit.
 *
 * <h2>Tracking problems and formats</h2>
 *
 * <p>5 to 10% of a video's frames have tracking problems (see {@code TrackingProblems}): bursts of
 * low confidence (0.50 to 0.89, success 1, noisier values), bursts of failure (success 0,
 * confidence at most 0.30, gaze zeroed, AU values zeroed in some bursts and left noisy in others),
 * and in about half the videos long enough for it, one dropout of 2.5 to 5 s that splits the track
 * after filtering. Every recording uses one of the {@link
 * io.auglove.pipelines.generate.WriterStyle}s, with or without {@code face_id}, LF or CRLF line
 * endings.
 */
package io.auglove.pipelines.generate;
