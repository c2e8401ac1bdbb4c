package dev.datamanager.it.fault;

import java.util.List;

/**
 * One operation a client ran and what the node answered.
 *
 * @param kind join, patch, save or leave
 * @param generation the lock generation the node answered with (join, patch, save) or the client held (leave)
 * @param version the committed version a save answered with, else -1
 * @param items for a patch the item it appended; for an acknowledged save or leave every item acknowledged on that
 *     session before it, which the database must keep from then on
 */
record Operation(long seq, String node, String key, String kind, int status, long generation, long version,
    List<String> items) {

  boolean acknowledged() {
    return status == 200 || status == 204;
  }
}
