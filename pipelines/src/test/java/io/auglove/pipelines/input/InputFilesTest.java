package io.auglove.pipelines.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import io.auglove.pipelines.input.InputFiles.Skipped;
import io.auglove.transforms.OpenFaceCsv;
import io.auglove.transforms.ReadOpenFace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class InputFilesTest {

  @TempDir Path temp;

  private Path file(String relative) throws IOException {
    Path file = temp.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "frame\n");
    return file;
  }

  private String at(String relative) {
    return temp.resolve(relative).toString();
  }

  @Test
  void aFolderReadsEveryCaseOfItsExtensionsAndListsWhatItSkips() throws IOException {
    Path data = temp.resolve("data");
    file("data/a.csv");
    file("data/b.CSV");
    file("data/sub/c.csv.GZ");
    file("data/sub/deep/d.Csv.Gz");
    file("data/notes.txt");
    file("data/e.csv.bz2");
    file("outside/f.csv");
    Files.createSymbolicLink(data.resolve("0-alias.csv"), data.resolve("b.CSV"));
    Files.createSymbolicLink(data.resolve("gone.csv"), temp.resolve("missing.csv"));
    Files.createSymbolicLink(data.resolve("sub/loop"), data);
    Files.createSymbolicLink(data.resolve("linked"), temp.resolve("outside"));

    InputFiles.Listing listing = InputFiles.list(data.toString());

    assertEquals(
        List.of(
            at("data/a.csv"),
            at("data/b.CSV"),
            at("data/linked/f.csv"),
            at("data/sub/c.csv.GZ"),
            at("data/sub/deep/d.Csv.Gz")),
        listing.patterns());
    assertEquals(
        List.of(
            new Skipped(at("data/0-alias.csv"), "the same file as " + at("data/b.CSV")),
            new Skipped(at("data/e.csv.bz2"), "not .csv or .csv.gz"),
            new Skipped(at("data/gone.csv"), "a symbolic link to nothing"),
            new Skipped(at("data/notes.txt"), "not .csv or .csv.gz"),
            new Skipped(at("data/sub/loop"), "a symbolic link loop")),
        listing.skipped());
    assertEquals(listing, InputFiles.list(data + "/"));
  }

  @Test
  void aGlobOrAFileIsReadAsItIs() throws IOException {
    file("data/a.csv");
    file("data/b.txt");

    assertEquals(
        new InputFiles.Listing(ImmutableList.of(at("data/*.txt")), ImmutableList.of()),
        InputFiles.list(at("data/*.txt")));
    assertEquals(
        new InputFiles.Listing(ImmutableList.of(at("data/b.txt")), ImmutableList.of()),
        InputFiles.list(at("data/b.txt")));
  }

  @Test
  void aFolderWithoutOpenFaceFilesIsRefusedNamingWhatItSkipped() throws IOException {
    file("data/a.txt");
    file("data/b.tsv");
    file("data/c.json");
    file("data/d.xlsx");

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> InputFiles.list(at("data")));

    assertEquals(
        "no OpenFace files at --input="
            + at("data")
            + " (as a folder: no *.csv or *.csv.gz under it; 4 skipped, such as "
            + at("data/a.txt")
            + " (not .csv or .csv.gz), "
            + at("data/b.tsv")
            + " (not .csv or .csv.gz), "
            + at("data/c.json")
            + " (not .csv or .csv.gz))",
        e.getMessage());
  }

  @Test
  void aMissingFolderOrAGlobMatchingNothingIsRefused() {
    IllegalArgumentException folder =
        assertThrows(IllegalArgumentException.class, () -> InputFiles.list(at("nowhere")));
    IllegalArgumentException glob =
        assertThrows(IllegalArgumentException.class, () -> InputFiles.list(at("*.csv")));

    assertEquals(
        "no OpenFace files at --input="
            + at("nowhere")
            + " (as a folder: no *.csv or *.csv.gz under it)",
        folder.getMessage());
    assertEquals("no OpenFace files at --input=" + at("*.csv"), glob.getMessage());
  }

  @Test
  void upperCaseExtensionsAreReadLikeLowerCaseOnes(TestPipeline pipeline) throws IOException {
    OpenFaceCsv csv = OpenFaceCsv.withFaceId().row(1, 0.0, 0.98, 1, 0.5).row(2, 0.04, 0.98, 1, 1);
    Files.createDirectories(temp.resolve("data/sub"));
    Files.write(temp.resolve("data/A.CSV"), csv.bytes());
    Files.write(temp.resolve("data/sub/b.csv.GZ"), csv.gzip());

    PCollection<String> read =
        pipeline
            .apply(ReadOpenFace.from(InputFiles.list(at("data")).patterns()))
            .get(ReadOpenFace.tracksTag())
            .apply(
                MapElements.into(TypeDescriptors.strings())
                    .via(track -> track.id().recording() + " " + track.size()));

    PAssert.that(read).containsInAnyOrder("A 2", "b 2");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void extensionsAreRecognisedInAnyCaseAndOnlyWhole() {
    assertEquals(true, InputFiles.isOpenFaceName("x.CSV"));
    assertEquals(true, InputFiles.isOpenFaceName("x.csv.GZ"));
    assertEquals(false, InputFiles.isOpenFaceName("x.gz"));
    assertEquals(false, InputFiles.isOpenFaceName("xcsv"));
    assertEquals(false, InputFiles.isOpenFaceName("x.csv.tmp"));
  }
}
