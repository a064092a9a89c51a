package io.auglove.pipelines.output;

import static io.auglove.pipelines.output.OutputFiles.bytes;
import static io.auglove.pipelines.output.OutputFiles.generation;
import static io.auglove.pipelines.output.OutputFiles.manifestText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.pipelines.bundle.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputManifestTest {

  @TempDir Path parent;

  /** A finished output: {@code files} and their manifest. */
  private Path output(Map<String, String> files) throws IOException {
    Path folder = parent.resolve("out");
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = folder.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.write(path, bytes(file.getValue()));
    }
    Files.writeString(folder.resolve("manifest.json"), manifestText(files));
    return folder;
  }

  @Test
  void aCompleteOutputGivesItsListedFilesAndManifest() throws IOException {
    Path folder = output(generation(4));
    Files.writeString(folder.resolve("stray.txt"), "not listed");

    VerifiedOutput verified = OutputManifest.verify(folder.toString());

    assertEquals(List.copyOf(generation(4).keySet()), verified.files());
    assertEquals("auglove-test-output", verified.manifest().path("format").asText());
    assertEquals(
        folder.resolve("fixed/report.json").toString(), verified.path("fixed/report.json"));
    assertFalse(verified.has("stray.txt"));
    IllegalArgumentException unlisted =
        assertThrows(IllegalArgumentException.class, () -> verified.path("stray.txt"));
    assertEquals(
        folder + " has no stray.txt: its manifest.json does not list it", unlisted.getMessage());
  }

  @Test
  void aFolderWithoutAManifestIsIncomplete() throws IOException {
    Path folder = output(generation(4));
    Files.delete(folder.resolve("manifest.json"));

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> OutputManifest.verify(folder.toString()));

    assertEquals(
        folder + " is incomplete or not an auglove output: it has no manifest.json",
        refused.getMessage());
  }

  @Test
  void aMissingListedFileIsNamed() throws IOException {
    Path folder = output(generation(4));
    Files.delete(folder.resolve("fixed/report.json"));

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> OutputManifest.verify(folder.toString()));

    assertEquals(
        folder.resolve("fixed/report.json")
            + " is listed in "
            + folder.resolve("manifest.json")
            + " but missing",
        refused.getMessage());
  }

  @Test
  void anAlteredFileIsNamedWithBothHashes() throws IOException {
    Path folder = output(generation(4));
    String listed = OutputFiles.sha256(bytes(generation(4).get("vocab.tsv")));
    byte[] altered = bytes(generation(4).get("vocab.tsv").replace("104", "105"));
    Files.write(folder.resolve("vocab.tsv"), altered);

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> OutputManifest.verify(folder.toString()));

    assertEquals(
        folder.resolve("vocab.tsv")
            + " does not match its manifest (sha256 "
            + OutputFiles.sha256(altered)
            + ", listed "
            + listed
            + "): it was changed after the run",
        refused.getMessage());
  }

  @Test
  void badManifestsAreRefusedNamingTheManifest() throws IOException {
    Path folder = output(Map.of("a.txt", "a"));
    Path manifest = folder.resolve("manifest.json");
    String sha = OutputFiles.sha256(bytes("a"));
    Map<String, String> cases = new TreeMap<>();
    cases.put("{\"files\": ", manifest + " is not valid JSON: ");
    cases.put("[1, 2]", manifest + " is not a JSON object");
    cases.put("{\"format\": 1}", manifest + " has no \"files\" object listing the output's files");
    cases.put(
        "{\"files\": {\"../a.txt\": \"" + sha + "\"}}",
        manifest + " lists '../a.txt', which is not a file inside " + folder);
    cases.put(
        "{\"files\": {\"manifest.json\": \"" + sha + "\"}}",
        manifest + " lists 'manifest.json', which is not a file inside " + folder);
    cases.put(
        "{\"files\": {\"a.txt\": \"ABC\"}}",
        manifest + " lists a.txt with \"ABC\", not a lowercase hex SHA-256");
    for (Map.Entry<String, String> bad : cases.entrySet()) {
      Files.writeString(manifest, bad.getKey());
      IllegalArgumentException refused =
          assertThrows(
              IllegalArgumentException.class,
              () -> OutputManifest.verify(folder.toString()),
              bad.getKey());
      assertTrue(refused.getMessage().startsWith(bad.getValue()), refused.getMessage());
      assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
    }
  }

  @Test
  void aVocabularyBundleManifestIsVerified() throws IOException {
    Path folder = output(Map.of("centroids.csv", "c", "vocab.tsv", "v"));
    Map<String, String> files = new TreeMap<>();
    files.put("centroids.csv", OutputFiles.sha256(bytes("c")));
    files.put("vocab.tsv", OutputFiles.sha256(bytes("v")));
    Files.writeString(
        folder.resolve("manifest.json"), Manifest.text(Map.of(), files, Instant.EPOCH));

    assertEquals(
        List.of("centroids.csv", "vocab.tsv"), OutputManifest.verify(folder.toString()).files());
  }

  @Test
  void largeFilesAreHashedAsAStreamLikeTheJdkHashesThemWhole() throws IOException {
    byte[] content = new byte[3 * (1 << 20) + 12345];
    new Random(8).nextBytes(content);
    Path big = parent.resolve("big.bin");
    Files.write(big, content);
    Path empty = Files.createFile(parent.resolve("empty"));

    assertEquals(OutputFiles.sha256(content), OutputManifest.sha256(big.toString()));
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        OutputManifest.sha256(empty.toString()));
    assertEquals(
        Map.of("big.bin", OutputFiles.sha256(content)),
        OutputManifest.hashes(parent.toString(), List.of("big.bin")));
  }

  @Test
  void aManifestIsWrittenWholeAndOnlyIfItListsFiles() throws IOException {
    Path folder = Files.createDirectories(parent.resolve("staging"));
    String text = manifestText(Map.of("a.txt", "a"));

    OutputManifest.write(folder.toString(), text);

    assertEquals(text, Files.readString(folder.resolve("manifest.json")));
    try (var listing = Files.list(folder)) {
      assertEquals(List.of(folder.resolve("manifest.json")), listing.toList());
    }
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> OutputManifest.write(folder.toString(), "{\"format\": 1}"));
    assertTrue(refused.getMessage().contains("has no \"files\" object"), refused.getMessage());
    assertEquals(text, Files.readString(folder.resolve("manifest.json")));
  }
}
