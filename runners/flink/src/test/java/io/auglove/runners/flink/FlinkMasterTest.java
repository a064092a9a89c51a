package io.auglove.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Flink master that does not answer stops a command within seconds, in one line that names it;
 * which {@code --flinkMaster} values are checked at all.
 */
class FlinkMasterTest {

  @TempDir Path folder;

  @Test
  void theFlinkJarStopsWithinThirtySecondsInOneLineNamingAnUnansweredMaster() throws Exception {
    int port = freePort();
    Path err = folder.resolve("err.txt");
    Process launcher =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("auglove.flink.jar"),
                "vocabulary",
                "--input=" + folder,
                "--output=" + folder.resolve("bundle"),
                "--runner=FlinkRunner",
                "--flinkMaster=localhost:" + port)
            .redirectOutput(folder.resolve("out.txt").toFile())
            .redirectError(err.toFile())
            .start();

    boolean ended = launcher.waitFor(30, TimeUnit.SECONDS);
    if (!ended) {
      launcher.destroyForcibly();
    }

    assertTrue(ended, "still running after 30 s");
    String message = Files.readString(err).strip();
    assertEquals(2, launcher.exitValue(), message);
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.startsWith("auglove vocabulary: "), message);
    assertTrue(
        message.contains("localhost:" + port + " does not answer (connection refused)"), message);
  }

  @Test
  void aMasterThatAcceptsButNeverAnswersTimesOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) {
      Optional<String> problem =
          FlinkLauncher.preflight(
              flinkRun("localhost:" + silent.getLocalPort()), Duration.ofSeconds(1));

      assertEquals(
          Optional.of(
              "auglove vocabulary: the Flink master localhost:"
                  + silent.getLocalPort()
                  + " did not answer within 1 s"),
          problem);
    }
  }

  @Test
  void anEndpointThatIsNotFlinksIsNamed() throws Exception {
    HttpServer server = answering(404, "not here");
    try {
      Optional<String> problem =
          FlinkLauncher.preflight(flinkRun(address(server)), Duration.ofSeconds(5));

      assertEquals(
          Optional.of(
              "auglove vocabulary: "
                  + address(server)
                  + " answers, but not as a Flink REST endpoint (HTTP 404 for /v1/config)"),
          problem);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aMasterOfAnotherFlinkVersionIsRefused() throws Exception {
    HttpServer server = answering(200, "{\"flink-version\":\"1.18.1\",\"refresh-interval\":3000}");
    try {
      Optional<String> problem =
          FlinkLauncher.preflight(flinkRun(address(server)), Duration.ofSeconds(5));

      assertEquals(
          Optional.of(
              "auglove vocabulary: the Flink master "
                  + address(server)
                  + " runs Flink 1.18.1; this jar's FlinkRunner is built for Flink 1.19"),
          problem);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void onlyARemoteMasterOfTheFlinkRunnerIsChecked() {
    assertEquals(
        Optional.empty(),
        FlinkMaster.named(new String[] {"--runner=FlinkRunner", "--flinkMaster=[local]"}));
    assertEquals(
        Optional.empty(),
        FlinkMaster.named(new String[] {"--runner=FlinkRunner", "--flinkMaster=[auto]"}));
    assertEquals(
        Optional.empty(),
        FlinkMaster.named(new String[] {"--runner=DirectRunner", "--flinkMaster=localhost:1"}));
    assertEquals(Optional.empty(), FlinkMaster.named(new String[] {"--flinkMaster=localhost:1"}));
    assertEquals(Optional.empty(), FlinkMaster.named(new String[] {"--runner=FlinkRunner"}));
  }

  @Test
  void theMasterIsReadAsBeamReadsIt() {
    assertEquals("cluster:8081", named("--flinkMaster=cluster"));
    assertEquals("cluster:9000", named("--flinkMaster=http://cluster:9000"));
    assertEquals("cluster:9000", named("--flink-master=cluster:9000"));
    assertEquals(
        "cluster:9000",
        FlinkMaster.named(
                new String[] {
                  "--runner=org.apache.beam.runners.flink.FlinkRunner", "--flinkMaster=cluster:9000"
                })
            .orElseThrow()
            .toString());
  }

  @Test
  void aMasterThatIsNoAddressIsRefusedWithItsValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> named("--flinkMaster=cluster:eighty"));
    assertTrue(e.getMessage().startsWith("--flinkMaster=cluster:eighty "), e.getMessage());
  }

  private static String named(String master) {
    return FlinkMaster.named(new String[] {"--runner=FlinkRunner", master})
        .orElseThrow()
        .toString();
  }

  private static String[] flinkRun(String master) {
    return new String[] {"vocabulary", "--runner=FlinkRunner", "--flinkMaster=" + master};
  }

  /** A port that nothing listens on. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * An HTTP server on a free local port that answers every request with {@code status} and {@code
   * body}.
   */
  private static HttpServer answering(int status, String body) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return server;
  }

  private static String address(HttpServer server) {
    return "localhost:" + server.getAddress().getPort();
  }
}
