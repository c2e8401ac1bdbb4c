package dev.datamanager.core.message;

import dev.datamanager.api.message.MessageView;
import dev.datamanager.core.session.JsonDocuments;
import dev.datamanager.persistence.message.PendingMessage;

/** Turns a stored message into the body callers see. */
final class MessageViews {

  private MessageViews() {}

  static MessageView of(PendingMessage message) {
    return new MessageView(message.id(), message.sentAt(), JsonDocuments.parse(message.body()));
  }
}
