package io.auglove.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.BoundedSource.BoundedReader;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class FileChunksSourceTest {

  private static final PipelineOptions OPTIONS = PipelineOptionsFactory.create();

  @TempDir Path folder;
  private final List<String> names = new ArrayList<>();

  /** Ten files of 100 bytes, f0.csv to f9.csv, written out of order. */
  @BeforeEach
  void tenFiles() throws IOException {
    for (int i : new int[] {3, 0, 7, 1, 9, 4, 2, 8, 6, 5}) {
      Files.write(folder.resolve("f" + i + ".csv"), new byte[100]);
    }
    for (int i = 0; i < 10; i++) {
      names.add(folder.resolve("f" + i + ".csv").toString());
    }
  }

  private FileChunksSource source(long chunkBytes) {
    return FileChunksSource.of(List.of(folder + "/*.csv"), chunkBytes);
  }

  private static List<String> readAll(BoundedReader<MatchResult.Metadata> reader)
      throws IOException {
    List<String> read = new ArrayList<>();
    for (boolean more = reader.start(); more; more = reader.advance()) {
      read.add(reader.getCurrent().resourceId().toString());
    }
    return read;
  }

  @Test
  void aReaderAskedToSplitKeepsItsFirstChunkAndGivesUpTheRest() throws IOException {
    // 250 bytes a chunk: three files of 100 (the chunk is the files that first reach it).
    List<String> read = new ArrayList<>();
    FileChunksSource left = source(250);
    int reads = 0;
    while (left != null) {
      BoundedReader<MatchResult.Metadata> reader = left.createReader(OPTIONS);
      assertTrue(reader.start());
      read.add(reader.getCurrent().resourceId().toString());
      left = (FileChunksSource) reader.splitAtFraction(0.5);
      while (reader.advance()) {
        read.add(reader.getCurrent().resourceId().toString());
      }
      reads++;
    }

    assertEquals(names, read);
    assertEquals(4, reads); // 3 + 3 + 3 + 1 files
  }

  @Test
  void aSplitNeverGivesUpWhatWasAlreadyGiven() throws IOException {
    BoundedReader<MatchResult.Metadata> reader = source(250).createReader(OPTIONS);
    assertTrue(reader.start());
    List<String> read = new ArrayList<>(List.of(reader.getCurrent().resourceId().toString()));
    for (int i = 0; i < 4; i++) {
      assertTrue(reader.advance()); // past the first chunk: the reader waits, then goes on
      read.add(reader.getCurrent().resourceId().toString());
    }
    FileChunksSource rest = (FileChunksSource) reader.splitAtFraction(0.1);
    assertFalse(reader.advance());

    assertEquals(names.subList(0, 5), read);
    assertEquals(names.subList(5, 10), readAll(rest.createReader(OPTIONS)));
  }

  @Test
  void aReaderNeverAskedToSplitGivesEveryFile() throws IOException {
    BoundedReader<MatchResult.Metadata> reader = source(250).createReader(OPTIONS);

    assertEquals(names, readAll(reader));
    assertNull(reader.splitAtFraction(0.5));
    assertEquals(1.0, reader.getFractionConsumed());
  }

  @Test
  void splittingCutsConsecutiveRunsOfTheDesiredSize() throws Exception {
    List<FileChunksSource> parts = source(250).split(300, OPTIONS);

    assertEquals(4, parts.size());
    List<String> all = new ArrayList<>();
    for (FileChunksSource part : parts) {
      all.addAll(part.files().stream().map(f -> f.resourceId().toString()).toList());
    }
    assertEquals(names, all);
    assertEquals(1000, source(250).getEstimatedSizeBytes(OPTIONS));
  }

  @Test
  void theDirectRunnerReadsEveryFileOnceInChunks(TestPipeline pipeline) {
    PCollection<String> read =
        pipeline
            .apply(Read.from(source(150)))
            .apply(
                MapElements.into(TypeDescriptors.strings())
                    .via(file -> file.resourceId().toString()));

    PAssert.that(read).containsInAnyOrder(names);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aPatternWithoutWildcardsMustMatchAndAGlobMayMatchNothing() throws IOException {
    assertThrows(
        IOException.class,
        () -> FileChunksSource.of(List.of(folder + "/missing.csv"), 250).files());
    assertEquals(List.of(), FileChunksSource.of(List.of(folder + "/*.tsv"), 250).files());
  }
}
