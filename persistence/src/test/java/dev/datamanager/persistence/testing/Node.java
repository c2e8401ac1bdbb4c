package dev.datamanager.persistence.testing;

import dev.datamanager.persistence.record.RecordRepository;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.UUID;

/** One simulated DataManager server: its own EntityManagerFactory, connections and repository. */
public final class Node implements AutoCloseable {

  private final String serverId;
  private final NodeDataSource dataSource;
  private final EntityManagerFactory emf;
  private final RecordRepository repository;

  Node(String serverId, String url, long maxDocumentBytes) {
    this.serverId = serverId;
    this.dataSource = new NodeDataSource(url);
    this.emf = Persistence.createEntityManagerFactory("datamanager", Map.of(
        "jakarta.persistence.nonJtaDataSource", dataSource,
        // EclipseLink shares one session between factories of the same unit unless the names differ.
        "eclipselink.session-name", "node-" + serverId + "-" + UUID.randomUUID()));
    this.repository = new RecordRepository(emf, maxDocumentBytes);
  }

  public String id() {
    return serverId;
  }

  public EntityManagerFactory entityManagerFactory() {
    return emf;
  }

  public RecordRepository repository() {
    return repository;
  }

  public NodeDataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    emf.close();
    dataSource.close();
  }
}
