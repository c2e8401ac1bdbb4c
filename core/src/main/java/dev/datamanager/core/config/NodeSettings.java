package dev.datamanager.core.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The settings in force on this node (DESIGN.md, "Configuration"). */
@ApplicationScoped
public class NodeSettings {

  @Inject
  @ConfigProperty(name = "datamanager.server.id")
  Optional<String> configuredServerId;

  @Inject
  @ConfigProperty(name = "datamanager.autosave.interval", defaultValue = "PT30S")
  Duration autosaveInterval;

  @Inject
  @ConfigProperty(name = "datamanager.lock.recent", defaultValue = "PT2M")
  Duration lockRecent;

  @Inject
  @ConfigProperty(name = "datamanager.lock.stale", defaultValue = "PT5M")
  Duration lockStale;

  @Inject
  @ConfigProperty(name = "datamanager.shutdown.timeout", defaultValue = "PT30S")
  Duration shutdownTimeout;

  @Inject
  @ConfigProperty(name = "datamanager.document.max-bytes", defaultValue = "4194304")
  int documentMaxBytes;

  @Inject
  @ConfigProperty(name = "datamanager.handoff.wait", defaultValue = "PT3S")
  Duration handoffWait;

  @Inject
  @ConfigProperty(name = "datamanager.handoff.poll", defaultValue = "PT0.25S")
  Duration handoffPoll;

  @Inject
  @ConfigProperty(name = "datamanager.erasure.retry", defaultValue = "PT1M")
  Duration erasureRetry;

  @Inject
  @ConfigProperty(name = "datamanager.erasure.batch", defaultValue = "20")
  int erasureBatch;

  @Inject
  @ConfigProperty(name = "datamanager.messages.max-pending", defaultValue = "100")
  int messagesMaxPending;

  @Inject
  @ConfigProperty(name = "datamanager.messages.max-bytes", defaultValue = "65536")
  int messagesMaxBytes;

  @Inject
  @ConfigProperty(name = "datamanager.messages.keep", defaultValue = "P30D")
  Duration messagesKeep;

  private String serverId;
  // This process: a node restarted with the same server id is another process, and must not take this one's locks.
  private final String incarnation = UUID.randomUUID().toString();

  @PostConstruct
  void resolveServerId() {
    // A node without a configured id still needs one that no other node uses.
    serverId = configuredServerId.filter(id -> !id.isBlank()).orElseGet(() -> UUID.randomUUID().toString());
  }

  public String serverId() {
    return serverId;
  }

  /** This process's id, new on every start; a lock belongs to a server id and an incarnation. */
  public String incarnation() {
    return incarnation;
  }

  public Duration autosaveInterval() {
    return autosaveInterval;
  }

  public Duration lockRecent() {
    return lockRecent;
  }

  public Duration lockStale() {
    return lockStale;
  }

  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  /** How long a join waits for a live owner to hand the record over; zero turns handoff off. */
  public Duration handoffWait() {
    return handoffWait;
  }

  /** How often this node looks for records other nodes asked it to release. */
  public Duration handoffPoll() {
    return handoffPoll;
  }

  /** How long after an attempt a pending erasure is tried again (by any node). */
  public Duration erasureRetry() {
    return erasureRetry;
  }

  /** The most pending erasures one node tries per timer tick. */
  public int erasureBatch() {
    return erasureBatch;
  }

  public int documentMaxBytes() {
    return documentMaxBytes;
  }

  /** The most messages one record may have pending; a send past it is refused (409 inbox full). */
  public int messagesMaxPending() {
    return messagesMaxPending;
  }

  /** The largest message body, in bytes of UTF-8 JSON. */
  public int messagesMaxBytes() {
    return messagesMaxBytes;
  }

  /** How long an unconsumed message is kept before retention deletes it. */
  public Duration messagesKeep() {
    return messagesKeep;
  }

  /** The settings as reported to operators, keyed by their configuration names. */
  public Map<String, String> asMap() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("datamanager.server.id", serverId);
    settings.put("datamanager.autosave.interval", autosaveInterval.toString());
    settings.put("datamanager.lock.recent", lockRecent.toString());
    settings.put("datamanager.lock.stale", lockStale.toString());
    settings.put("datamanager.shutdown.timeout", shutdownTimeout.toString());
    settings.put("datamanager.document.max-bytes", Integer.toString(documentMaxBytes));
    settings.put("datamanager.handoff.wait", handoffWait.toString());
    settings.put("datamanager.handoff.poll", handoffPoll.toString());
    settings.put("datamanager.erasure.retry", erasureRetry.toString());
    settings.put("datamanager.erasure.batch", Integer.toString(erasureBatch));
    settings.put("datamanager.messages.max-pending", Integer.toString(messagesMaxPending));
    settings.put("datamanager.messages.max-bytes", Integer.toString(messagesMaxBytes));
    settings.put("datamanager.messages.keep", messagesKeep.toString());
    return settings;
  }
}
