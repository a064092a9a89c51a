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
      "Read the files in this many groups, each group's files one after the other; 0 spreads them"
          + " file by file. Default: 4 per core on the DirectRunner, which makes one bundle per"
          + " group and copies grouped state once per bundle, so that its cost stays linear in the"
          + " number of files; 0 on other runners")
  @Default.InstanceFactory(ReadGroupsFactory.class)
  int getReadGroups();

  void setReadGroups(int value);

  /** The default of {@link #getReadGroups()}. */
  final class ReadGroupsFactory implements DefaultValueFactory<Integer> {
    /** Read groups per core on the DirectRunner: enough to keep its worker threads busy. */
    static final int GROUPS_PER_CORE = 4;

    @Override
    public Integer create(PipelineOptions options) {
      boolean direct = "DirectRunner".equals(options.getRunner().getSimpleName());
      return direct
          ? GROUPS_PER_CORE * Runtime.getRuntime().availableProcessors()
          : ReadOpenFace.FILE_BY_FILE;
    }
  }
}
