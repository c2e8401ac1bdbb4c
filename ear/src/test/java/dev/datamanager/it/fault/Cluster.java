package dev.datamanager.it.fault;

import dev.datamanager.testsupport.TestPostgres;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Several nodes on one database, started in parallel (starts are slow) and all stopped on close. */
public final class Cluster implements AutoCloseable {

  private final Map<String, FaultNode> nodes = new HashMap<>();

  /** Nodes on a fresh database of the shared PostgreSQL, running with {@code lease}'s settings. */
  public static Cluster onFreshDatabase(String database, LeaseSettings lease, String... serverIds) {
    Map<String, String> environment = new HashMap<>(TestPostgres.shared().freshNodeEnvironment(database));
    environment.putAll(lease.environment());
    return start(environment, serverIds);
  }

  /** Starts one node per id with the same {@code environment}; if any fails, the started ones are stopped. */
  public static Cluster start(Map<String, String> environment, String... serverIds) {
    Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    for (String id : serverIds) {
      environments.put(id, environment);
    }
    return start(environments);
  }

  /** Starts one node per entry of server id and environment, in parallel. */
  static Cluster start(Map<String, Map<String, String>> environments) {
    Cluster cluster = new Cluster();
    ExecutorService pool = Executors.newFixedThreadPool(environments.size());
    try {
      List<Future<FaultNode>> starting = new ArrayList<>();
      environments.forEach((id, environment) -> starting.add(pool.submit(() -> FaultNode.start(id, environment))));
      RuntimeException failure = null;
      for (Future<FaultNode> future : starting) {
        try {
          FaultNode node = future.get();
          cluster.nodes.put(node.id(), node);
        } catch (ExecutionException e) {
          failure = failure == null ? new IllegalStateException("A node did not start", e.getCause()) : failure;
        }
      }
      if (failure != null) {
        cluster.close();
        throw failure;
      }
      return cluster;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cluster.close();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  public FaultNode node(String serverId) {
    return nodes.get(serverId);
  }

  /** Stops every node still running (a suspended one is resumed first, a killed one is already gone). */
  @Override
  public void close() {
    nodes.values().parallelStream().forEach(FaultNode::close);
  }
}
