package dev.datamanager.client;

import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.client.jaxrs.ResteasyClient;
import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;

/** Settings of a {@link DataManagerClient}: where the node is, who calls, how long to wait and what to repeat. */
public final class DataManagerClientBuilder {

  private URI baseUri;
  private String authorization;
  private Duration connectTimeout = Duration.ofSeconds(5);
  private Duration readTimeout = Duration.ofSeconds(30);
  private int maxConnections = 32;
  private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
  private final List<ClientListener> listeners = new ArrayList<>();
  private Sleeper sleeper = Sleeper.THREAD;
  private Clock clock = Clock.systemUTC();

  DataManagerClientBuilder() {}

  /** The node's root, such as {@code http://localhost:9080}; the client adds {@code /api/v1}. Required. */
  public DataManagerClientBuilder baseUri(URI baseUri) {
    this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
    return this;
  }

  public DataManagerClientBuilder baseUri(String baseUri) {
    return baseUri(URI.create(baseUri));
  }

  /** The API user (role game-server, or admin) and password, sent with HTTP Basic. Required. */
  public DataManagerClientBuilder credentials(String user, String password) {
    String pair = Objects.requireNonNull(user, "user") + ":" + Objects.requireNonNull(password, "password");
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** How long to wait for a connection; default 5 s. */
  public DataManagerClientBuilder connectTimeout(Duration connectTimeout) {
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    return this;
  }

  /** How long to wait for an answer; default 30 s. A join can take the node's {@code handoff.wait} and more. */
  public DataManagerClientBuilder readTimeout(Duration readTimeout) {
    this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    return this;
  }

  /** How many calls may be in flight at once (pooled connections); default 32. */
  public DataManagerClientBuilder maxConnections(int maxConnections) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
    }
    this.maxConnections = maxConnections;
    return this;
  }

  /** What to repeat and for how long; default {@link RetryPolicy#DEFAULT}. */
  public DataManagerClientBuilder retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    return this;
  }

  /** Adds a listener; listeners hear of joins, leaves and retries in the order they were added. */
  public DataManagerClientBuilder listener(ClientListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  DataManagerClientBuilder sleeper(Sleeper sleeper) {
    this.sleeper = sleeper;
    return this;
  }

  /** The clock an HTTP-date {@code Retry-After} is measured against. */
  DataManagerClientBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  public DataManagerClient build() {
    if (baseUri == null || authorization == null) {
      throw new IllegalStateException("A DataManager client needs baseUri(…) and credentials(…)");
    }
    String header = authorization;
    ClientListener listener = new Listeners(listeners);
    RetryLoop calls = new RetryLoop(retryPolicy, sleeper, listener);
    return RetryLoop.once("build a client for " + baseUri, () -> {
      ResteasyClientBuilder http = ((ResteasyClientBuilder) ClientBuilder.newBuilder())
          .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
          .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
          .connectionPoolSize(maxConnections)
          .maxPooledPerRoute(maxConnections);
      http.register((ClientRequestFilter) request ->
          request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, header));
      http.register(new ProblemFilter(clock));
      ResteasyClient client = http.build();
      try {
        return new DataManagerClient(client, baseUri, calls, listener);
      } catch (RuntimeException e) {
        client.close();
        throw e;
      }
    });
  }
}
