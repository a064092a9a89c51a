package io.auglove.pipelines.generate;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** A recording read back from disk by the tests, with their own minimal CSV parsing. */
final class WrittenRecording {

  final Path path;
  final String text;
  final boolean crlf;
  final String headerLine;
  final List<String> columns;
  final List<String> rawRows;
  final List<String[]> rows;

  private WrittenRecording(Path path, String text) {
    this.path = path;
    this.text = text;
    this.crlf = text.contains("\r\n");
    String[] lines = text.split(crlf ? "\r\n" : "\n", -1);
    this.headerLine = lines[0];
    this.columns = Arrays.stream(lines[0].split(",", -1)).map(String::trim).toList();
    this.rawRows = new ArrayList<>(Arrays.asList(lines).subList(1, lines.length - 1));
    this.rows = new ArrayList<>();
    for (String row : rawRows) {
      rows.add(Arrays.stream(row.split(",", -1)).map(String::trim).toArray(String[]::new));
    }
  }

  static WrittenRecording read(Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    if (path.toString().endsWith(".gz")) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        bytes = in.readAllBytes();
      }
    }
    return new WrittenRecording(path, new String(bytes, US_ASCII));
  }

  /** The recording name, from the file name. */
  String recording() {
    String name = path.getFileName().toString();
    return name.substring(0, name.indexOf('.'));
  }

  int column(String name) {
    int index = columns.indexOf(name);
    if (index < 0) {
      throw new AssertionError(path + " has no column " + name + ": " + columns);
    }
    return index;
  }

  double value(int row, String column) {
    return Double.parseDouble(rows.get(row)[column(column)]);
  }

  String field(int row, String column) {
    return rows.get(row)[column(column)];
  }
}
