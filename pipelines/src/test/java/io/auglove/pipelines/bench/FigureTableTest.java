package io.auglove.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.pipelines.bench.FigureTable.Figure;
import io.auglove.pipelines.bench.FigureTable.Kind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureTableTest {

  private static FigureTable table() {
    FigureTable table = new FigureTable("title");
    table.add(new Figure("pass, s", "pass", Kind.SECONDS, 0.5, 1.0, "predict"));
    table.add(new Figure("updates per second", "rate", Kind.RATE, 3e6, 2e6, "numba, \"1\""));
    table.add(new Figure("inertia", "inertia", Kind.LOSS, 101, 100, "KMeans"));
    return table;
  }

  @Test
  void everySpeedRatioIsHowManyTimesFasterOursIsAndQualityIsOursOverTheirs() {
    List<Figure> figures = table().figures();
    assertEquals(2.0, figures.get(0).ratio(), 1e-12); // half the seconds: twice as fast
    assertEquals(1.5, figures.get(1).ratio(), 1e-12); // 3M against 2M updates per second
    assertEquals(1.01, figures.get(2).ratio(), 1e-12); // 1% more inertia: worse
    assertEquals("2.00x", figures.get(0).ratioText());
    assertEquals("1.0100", figures.get(2).ratioText());
  }

  @Test
  void theTablePrintsEachFigureInItsUnitAndTheCsvReadsBack() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    table().print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("| pass, s | 0.500 | 1.000 | predict | 2.00x |"), text);
    assertTrue(
        text.contains("| updates per second | 3.00M | 2.00M | numba, \"1\" | 1.50x |"), text);
    assertTrue(text.contains("| inertia | 101.000 | 100.000 | KMeans | 1.0100 |"), text);

    List<String> lines = table().csv().lines().toList();
    assertEquals("figure,kind,auglove,python,baseline,ratio", lines.get(0));
    assertEquals(4, lines.size());
    // the quoted baseline keeps its comma and its doubled quotes
    assertEquals(
        "\"updates per second\",RATE,3000000.0,2000000.0,\"numba, \"\"1\"\"\",1.5", lines.get(2));
  }

  @Test
  void thePlotIsAPng() {
    byte[] png = table().png();
    assertArrayEquals(
        new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), "PNG signature");
    assertTrue(png.length > 5_000, "a chart, not an empty image: " + png.length + " bytes");
  }
}
