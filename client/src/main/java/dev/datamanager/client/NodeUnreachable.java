package dev.datamanager.client;

/**
 * No usable answer: the connection failed, the read timed out, or the answer could not be read. Never repeated by
 * the client: for a change, whether the node applied it is unknown.
 */
public class NodeUnreachable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  NodeUnreachable(String call, Throwable cause) {
    super("No answer from DataManager to " + call + ": " + cause.getMessage(), cause);
  }
}
