package dev.datamanager.core.message;

import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.persistence.idempotency.IdempotencyStore;
import dev.datamanager.persistence.message.MessageRepository;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The message and idempotency repositories of this node, reached through {@link DatabaseGateway}. */
@ApplicationScoped
public class MessageTables {

  @Inject DatabaseGateway database;

  private MessageRepository messages;
  private IdempotencyStore idempotency;

  @PostConstruct
  void open() {
    messages = new MessageRepository(database.entityManagerFactory());
    idempotency = new IdempotencyStore(database.entityManagerFactory());
  }

  MessageRepository messages() {
    return messages;
  }

  IdempotencyStore idempotency() {
    return idempotency;
  }
}
