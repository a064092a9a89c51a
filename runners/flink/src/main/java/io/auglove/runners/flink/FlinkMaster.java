package io.auglove.runners.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.net.HostAndPort;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.util.EnvironmentInformation;

/**
 * The Flink cluster that {@code --flinkMaster=host:port} names, and whether it answers as one.
 *
 * <p>Flink's client retries an unreachable REST endpoint for minutes before it gives up with a
 * stack trace. Asking the endpoint for its configuration first ({@code GET /v1/config}, which every
 * Flink JobManager serves) answers in milliseconds when nothing listens, within {@link #TIMEOUT}
 * when something listens but does not reply, and also catches a cluster of another Flink version,
 * which would otherwise fail later on classes that do not match.
 */
final class FlinkMaster {

  /** How long the check waits for the master to connect and to answer. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HostAndPort address;

  private FlinkMaster(HostAndPort address) {
    this.address = address;
  }

  /**
   * The remote master that {@code arguments} submit to: the value of {@code --flinkMaster} (or
   * {@code --flink-master}) when {@code --runner} names the FlinkRunner and the value names a host,
   * with Flink's REST port (8081) when it gives none. Empty when the run does not go to a remote
   * master: another runner, or an embedded or automatic master ({@code [local]}, {@code [auto]},
   * {@code [collection]}).
   *
   * @throws IllegalArgumentException if the value is not a host or {@code host:port}
   */
  static Optional<FlinkMaster> named(String[] arguments) {
    Optional<String> runner = value(arguments, "--runner=");
    Optional<String> master =
        value(arguments, "--flinkMaster=").or(() -> value(arguments, "--flink-master="));
    if (runner.isEmpty() || !runner.get().endsWith("FlinkRunner") || master.isEmpty()) {
      return Optional.empty();
    }
    String url = master.get().replaceFirst("^https?://", "");
    if (url.startsWith("[")) {
      return Optional.empty();
    }
    HostAndPort address;
    try {
      address = HostAndPort.fromString(url).withDefaultPort(RestOptions.PORT.defaultValue());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--flinkMaster=" + master.get() + " is neither host:port nor [local] or [auto]", e);
    }
    return Optional.of(new FlinkMaster(address));
  }

  private static Optional<String> value(String[] arguments, String prefix) {
    String found = null;
    for (String argument : arguments) {
      if (argument.startsWith(prefix)) {
        found = argument.substring(prefix.length());
      }
    }
    return Optional.ofNullable(found);
  }

  /** {@code host:port}. */
  @Override
  public String toString() {
    return address.toString();
  }

  /**
   * Why a submission to this master would fail, in one line; empty when it answers as a cluster of
   * the Flink version this runner is built for.
   *
   * @param timeout how long to wait for the connection and for the answer
   */
  Optional<String> problem(Duration timeout) throws InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + address + "/v1/config"))
            .timeout(timeout)
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      return Optional.of(
          String.format(
              "the Flink master %s did not answer within %d s", address, timeout.toSeconds()));
    } catch (ConnectException e) {
      return Optional.of(
          String.format(
              "the Flink master %s does not answer (%s): is the cluster running, and is this its"
                  + " REST address (rest.address, rest.port)?",
              address, unknownHost(e) ? "unknown host" : "connection refused"));
    } catch (IOException e) {
      return Optional.of(String.format("the Flink master %s does not answer: %s", address, e));
    }
    return versionProblem(response);
  }

  /** Whether {@code e} failed on the name of the host rather than on its port. */
  private static boolean unknownHost(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
  }

  private Optional<String> versionProblem(HttpResponse<String> response) {
    Optional<String> version = flinkVersion(response);
    if (version.isEmpty()) {
      return Optional.of(
          String.format(
              "%s answers, but not as a Flink REST endpoint (HTTP %d for /v1/config)",
              address, response.statusCode()));
    }
    String expected = minorVersion(EnvironmentInformation.getVersion());
    if (!minorVersion(version.get()).equals(expected)) {
      return Optional.of(
          String.format(
              "the Flink master %s runs Flink %s; this jar's FlinkRunner is built for Flink %s",
              address, version.get(), expected));
    }
    return Optional.empty();
  }

  /** The {@code flink-version} of a JobManager's configuration; empty if the answer is not one. */
  private static Optional<String> flinkVersion(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      return Optional.empty();
    }
    JsonNode configuration;
    try {
      configuration = new ObjectMapper().readTree(response.body());
    } catch (IOException notJson) {
      return Optional.empty();
    }
    JsonNode version = configuration.get("flink-version");
    return version != null && version.isTextual()
        ? Optional.of(version.asText())
        : Optional.empty();
  }

  /** {@code 1.19} of {@code 1.19.0}. */
  private static String minorVersion(String version) {
    String[] parts = version.split("\\.");
    return parts.length < 2 ? version : parts[0] + "." + parts[1];
  }
}
