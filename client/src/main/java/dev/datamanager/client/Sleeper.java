package dev.datamanager.client;

import java.time.Duration;

/** Waits between attempts; tests give the client one that records the waits instead of sleeping. */
@FunctionalInterface
interface Sleeper {

  Sleeper THREAD = wait -> Thread.sleep(wait.toMillis());

  void sleep(Duration wait) throws InterruptedException;
}
