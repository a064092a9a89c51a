package io.auglove.pipelines.options;

import io.auglove.transforms.ReadOpenFace;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Where the OpenFace CSVs are, and how they are spread over the runner. */
public interface InputOptions extends PipelineOptions {

  @Description(
      "OpenFace CSVs: a file, a glob, or a folder (its *.csv and *.csv.gz, at any depth); local or"
          + " gs://")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description(
      "Read the files in path order a chunk of about this many megabytes at a time, each chunk one"
          + " bundle of every later step; 0 spreads them file by file. Default: 512 on the"
          + " DirectRunner, which runs bundles in the order they come and reads a source's next"
          + " chunks only when the later steps are done with the last ones, so that it holds a few"
          + " chunks of rows however large the corpus; 0 on other runners")
  @Default.InstanceFactory(ReadChunksFactory.class)
  int getReadChunkMegabytes();

  void setReadChunkMegabytes(int value);

  /** The default of {@link #getReadChunkMegabytes()}. */
  final class ReadChunksFactory implements DefaultValueFactory<Integer> {
    /**
     * Megabytes of a read chunk on the DirectRunner: about 1.9M rows of gaze, pose and AUs, 250 MB
     * of frames in memory (80,000 rows of all 714 columns). Each chunk is a bundle of every later
     * step, and the runner copies the running co-occurrence count (up to k² pairs) once per bundle,
     * so chunks are large: 64 MB ones made a 30M-row run take 78 s, these 46 s in a 1 GB heap.
     */
    static final int DIRECT_RUNNER_CHUNK_MEGABYTES = 512;

    @Override
    public Integer create(PipelineOptions options) {
      boolean direct = "DirectRunner".equals(options.getRunner().getSimpleName());
      return direct ? DIRECT_RUNNER_CHUNK_MEGABYTES : ReadOpenFace.FILE_BY_FILE;
    }
  }
}
