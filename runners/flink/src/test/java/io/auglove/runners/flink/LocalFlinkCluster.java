package io.auglove.runners.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * A Flink 1.19 cluster in a JVM of its own beside the test's (a JobManager with its REST endpoint
 * on a free local port, one TaskManager), which jobs reach only as they reach any cluster: through
 * the REST endpoint, their jar uploaded to the cluster and loaded by the TaskManager in a class
 * loader of its own. The cluster's class path is the Flink jar, so none of the test's classes (the
 * DirectRunner, the test helpers) can stand in for what the submitted jar lacks.
 */
final class LocalFlinkCluster implements AutoCloseable {

  /** What the cluster's JVM prints once its REST endpoint listens, before the address. */
  private static final String READY = "Flink REST endpoint at ";

  private final Process process;
  private final String master;

  private LocalFlinkCluster(Process process, String master) {
    this.process = process;
    this.master = master;
  }

  /**
   * Starts a cluster with {@code slots} task slots whose class path is {@code jar}, with the JVM
   * options that the README gives a cluster's TaskManagers; returns once its REST endpoint listens.
   */
  static LocalFlinkCluster start(Path jar, int slots, Path log) throws IOException {
    Path testClasses;
    try {
      testClasses =
          Path.of(
              LocalFlinkCluster.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException("no location for the test classes", e);
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g",
                "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=1",
                "-Dai.djl.pytorch.num_interop_threads=1",
                "-cp",
                jar + java.io.File.pathSeparator + testClasses,
                LocalFlinkCluster.class.getName(),
                Integer.toString(slots)));
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> ready =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  if (line.startsWith(READY)) {
                    return line.substring(READY.length());
                  }
                }
                return null;
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    String master;
    try {
      master = ready.get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IOException(
          "the Flink cluster did not start; its log: " + Files.readString(log), e);
    }
    if (master == null) {
      throw new IOException("the Flink cluster stopped; its log: " + Files.readString(log));
    }
    return new LocalFlinkCluster(process, master);
  }

  /** The REST endpoint, as {@code --flinkMaster} takes it: {@code localhost:port}. */
  String master() {
    return master;
  }

  /** The state of each job the cluster was given, as its REST API lists them. */
  List<String> jobStates() throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://" + master + "/v1/jobs/overview"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    List<String> states = new ArrayList<>();
    for (JsonNode job : new ObjectMapper().readTree(response.body()).path("jobs")) {
      states.add(job.path("state").asText());
    }
    return states;
  }

  /** Stops the cluster's JVM. */
  @Override
  public void close() throws IOException, InterruptedException {
    process.getOutputStream().close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /**
   * The cluster's JVM: starts the cluster with {@code args[0]} slots, prints {@link #READY} and its
   * address, and stops when its standard input closes (when the test closes it, or dies).
   */
  public static void main(String[] args) throws Exception {
    Configuration configuration = new Configuration();
    configuration.set(RestOptions.ADDRESS, "localhost");
    configuration.set(RestOptions.BIND_ADDRESS, "localhost");
    configuration.set(RestOptions.BIND_PORT, "0");
    // As the README sets up a cluster: DJL from the cluster's class path, because a JVM binds a
    // native library to one class loader only, and every job gets a class loader of its own.
    configuration.set(
        CoreOptions.ALWAYS_PARENT_FIRST_LOADER_PATTERNS_ADDITIONAL, List.of("ai.djl."));
    try (MiniCluster cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(Integer.parseInt(args[0]))
                .build())) {
      cluster.start();
      URI rest = cluster.getRestAddress().get();
      System.out.println(READY + rest.getHost() + ":" + rest.getPort());
      System.out.flush();
      while (System.in.read() != -1) {
        // Anything written to the cluster's input is ignored; its end stops the cluster.
      }
    }
  }
}
