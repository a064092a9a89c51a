package io.auglove.pipelines.generate;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Who is in a corpus and what is recorded, before anything is simulated: the participants with
 * their scores, splits and nuisance, and the videos with their frame rates, lengths and formats.
 * Cheap to compute and deterministic for a spec.
 *
 * <ul>
 *   <li>Every participant has at least one video; the other videos go to participants drawn
 *       uniformly. Videos are listed by participant, then by video number; a video's {@link
 *       VideoPlan#index()} is its position in that list.
 *   <li>Scores are drawn uniformly from 1 to 7, each independently, from the participant's own
 *       stream; the nuisance from another stream.
 *   <li>Splits are per participant: a shuffled list of participants is cut 60/20/20 into train, dev
 *       and test (dev and test get at least one participant each once there are three).
 *   <li>Exactly {@code round(gzipFraction * videos)} recordings are gzipped and {@code
 *       round(crlfFraction * videos)} use CRLF, chosen at random; frame rate, duration, writer
 *       style and {@code face_id} are drawn per video from the video's own stream.
 * </ul>
 */
public final class CorpusPlan {

  private final ImmutableList<Participant> participants;
  private final ImmutableList<VideoPlan> videos;

  private CorpusPlan(ImmutableList<Participant> participants, ImmutableList<VideoPlan> videos) {
    this.participants = participants;
    this.videos = videos;
  }

  /** The plan of the corpus a spec describes. */
  public static CorpusPlan of(CorpusSpec spec) {
    int participantCount = spec.participantCount();
    Split[] splits = assignSplits(spec);
    int width = Math.max(3, Integer.toString(participantCount).length());
    List<Participant> participants = new ArrayList<>();
    for (int p = 0; p < participantCount; p++) {
      int number = p + 1;
      Rng scoreRng = Rng.derive(spec.seed(), RngStream.SCORES, number);
      Scores scores =
          new Scores(
              drawScore(scoreRng), drawScore(scoreRng), drawScore(scoreRng), drawScore(scoreRng));
      ParticipantNuisance nuisance =
          ParticipantNuisance.draw(Rng.derive(spec.seed(), RngStream.NUISANCE, number));
      String id =
          spec.participantPrefix()
              + "0".repeat(Math.max(0, width - Integer.toString(number).length()))
              + number;
      participants.add(new Participant(number, id, scores, splits[p], nuisance));
    }

    int[] videosPerParticipant = assignVideoCounts(spec);
    boolean[] gzip = chooseExactly(spec, spec.gzipFraction(), 0);
    boolean[] crlf = chooseExactly(spec, spec.crlfFraction(), 1);
    ImmutableList.Builder<VideoPlan> videos = ImmutableList.builder();
    int index = 0;
    for (int p = 0; p < participantCount; p++) {
      for (int v = 1; v <= videosPerParticipant[p]; v++) {
        Participant participant = participants.get(p);
        Rng layout = Rng.derive(spec.seed(), RngStream.VIDEO_LAYOUT, index);
        double fps = spec.frameRates().get(layout.nextInt(spec.frameRates().size()));
        double seconds = layout.uniform(spec.minDurationSeconds(), spec.maxDurationSeconds());
        int frameCount = Math.max(1, (int) Math.round(seconds * fps));
        WriterStyle style = spec.writerStyles().get(layout.nextInt(spec.writerStyles().size()));
        boolean faceId = layout.bernoulli(spec.faceIdFraction());
        RecordingFormat format =
            new RecordingFormat(style, faceId, gzip[index], crlf[index], spec.allColumns());
        String recording = participant.id() + "_v" + v;
        videos.add(new VideoPlan(index, recording, participant, v, fps, frameCount, format));
        index++;
      }
    }
    return new CorpusPlan(ImmutableList.copyOf(participants), videos.build());
  }

  private static int drawScore(Rng rng) {
    return rng.intBetween(Scores.MIN, Scores.MAX);
  }

  private static Split[] assignSplits(CorpusSpec spec) {
    int n = spec.participantCount();
    int test = n >= 2 ? Math.max(1, (int) Math.round(0.2 * n)) : 0;
    int dev = n >= 3 ? Math.max(1, (int) Math.round(0.2 * n)) : 0;
    int[] order = identity(n);
    Rng.derive(spec.seed(), RngStream.SPLITS, 0).shuffle(order);
    Split[] splits = new Split[n];
    for (int i = 0; i < n; i++) {
      splits[order[i]] = i < test ? Split.TEST : (i < test + dev ? Split.DEV : Split.TRAIN);
    }
    return splits;
  }

  private static int[] assignVideoCounts(CorpusSpec spec) {
    int[] counts = new int[spec.participantCount()];
    Arrays.fill(counts, 1);
    Rng rng = Rng.derive(spec.seed(), RngStream.VIDEO_ASSIGNMENT, 0);
    for (int extra = spec.videoCount() - counts.length; extra > 0; extra--) {
      counts[rng.nextInt(counts.length)]++;
    }
    return counts;
  }

  private static boolean[] chooseExactly(CorpusSpec spec, double fraction, long which) {
    int n = spec.videoCount();
    int chosen = (int) Math.round(fraction * n);
    int[] order = identity(n);
    Rng.derive(spec.seed(), RngStream.FILE_FLAGS, which).shuffle(order);
    boolean[] flags = new boolean[n];
    for (int i = 0; i < chosen; i++) {
      flags[order[i]] = true;
    }
    return flags;
  }

  private static int[] identity(int n) {
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      values[i] = i;
    }
    return values;
  }

  /** The participants, by number. */
  public ImmutableList<Participant> participants() {
    return participants;
  }

  /** The videos, by index. */
  public ImmutableList<VideoPlan> videos() {
    return videos;
  }
}
