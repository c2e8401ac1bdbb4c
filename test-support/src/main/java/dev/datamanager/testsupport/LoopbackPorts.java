package dev.datamanager.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Free TCP ports on loopback for the servers the tests start, each handed out at most once per JVM. */
public final class LoopbackPorts {

  private static final int ATTEMPTS = 100;
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private LoopbackPorts() {}

  /**
   * A port that was free on loopback when this method checked it, and that no other call in this JVM has returned or
   * will return. The port is found by binding a socket to port 0 on the loopback address (where nodes and the test
   * PostgreSQL listen) and closing it; the kernel may offer a closed port again at once, so a helper that stops there
   * can give two callers the same port before either has bound it (two nodes, or a node's HTTP and HTTPS ports, then
   * collide). Here every port returned is reserved for the rest of the JVM's life, and a port already reserved is
   * never returned again. What no in-process helper can promise: another process may bind the port between this call
   * and the caller's own bind; the caller's server then fails to start, loudly.
   */
  public static int reserve() {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = probe();
      if (HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("No unreserved loopback port after " + ATTEMPTS + " attempts");
  }

  private static int probe() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free loopback port", e);
    }
  }
}
