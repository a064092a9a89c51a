package io.auglove.pipelines.cli;

import io.auglove.pipelines.options.OutputOptions;
import io.auglove.pipelines.options.SeedOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@code auglove generate}: the corpus's size and shape, the seed, and the output folder
 * (its {@code recordings/} and {@code labels.csv}).
 */
public interface GenerateOptions extends OutputOptions, SeedOptions, DurationOptions {

  @Description("number of videos")
  @Default.Integer(40)
  int getVideos();

  void setVideos(int value);

  @Description("number of participants; 0: half the videos")
  @Default.Integer(0)
  int getParticipants();

  void setParticipants(int value);

  @Description(
      "seed of the world the corpus is drawn from (its expression prototypes); empty: --seed. Two"
          + " corpora with one world seed and different seeds share their expressions, not their"
          + " participants")
  Long getWorldSeed();

  void setWorldSeed(Long value);

  @Description("what participant ids start with, 1 to 8 letters (p: p001, p002, ...)")
  @Default.String("p")
  String getParticipantPrefix();

  void setParticipantPrefix(String value);

  @Description("frame rates to draw from, comma-separated")
  @Default.String("25,29.97,30,60")
  String getFrameRates();

  void setFrameRates(String value);

  @Description("share of the recordings written gzip-compressed")
  @Default.Double(0.1)
  double getGzipFraction();

  void setGzipFraction(double value);

  @Description("whether to add tracking problems: low confidence, success = 0, dropouts over 2 s")
  @Default.Boolean(true)
  boolean getTrackingProblems();

  void setTrackingProblems(boolean value);

  @Description(
      "whether to write every column FeatureExtraction writes by default (714 with face_id:"
          + " landmarks and shape parameters too), not only gaze, pose and AUs")
  @Default.Boolean(false)
  boolean getAllColumns();

  void setAllColumns(boolean value);
}
