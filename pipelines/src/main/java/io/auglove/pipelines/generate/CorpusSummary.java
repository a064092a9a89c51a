package io.auglove.pipelines.generate;

import com.google.common.collect.ImmutableList;

/**
 * What {@link CorpusGenerator#write} wrote.
 *
 * @param recordings every recording file, in video index order, with its number of data rows
 * @param labels the labels file, with its number of data rows (one per recording)
 * @param totalRows data rows (frames) over all recordings; headers and labels not counted
 * @param participants number of participants
 */
public record CorpusSummary(
    ImmutableList<WrittenFile> recordings, WrittenFile labels, long totalRows, int participants) {

  /**
   * One written file.
   *
   * @param path the file's full path or URI, as Beam's {@code ResourceId} prints it
   * @param rows its data rows, the header not counted
   */
  public record WrittenFile(String path, long rows) {}

  /** Number of recordings (videos). */
  public int videos() {
    return recordings.size();
  }
}
