package dev.datamanager.web.error;

import dev.datamanager.api.error.InboxFullException;
import jakarta.ws.rs.ext.Provider;

/** The record has as many pending messages as it may hold; its owner must consume some first. */
@Provider
public class InboxFullMapper extends ProblemMapper<InboxFullException> {

  public InboxFullMapper() {
    super(409, "inbox-full", "Inbox full");
  }
}
