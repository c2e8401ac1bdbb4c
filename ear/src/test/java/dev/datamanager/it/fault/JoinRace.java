package dev.datamanager.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Scenario 1: one key joined on two nodes at the same moment. Exactly one wins; the other is refused (409) or gets
 * the record through handoff after the winner released it, with a newer generation; never do both hold it.
 */
final class JoinRace {

  private static final int KEYS_PER_ROUND = 8;

  private final FaultNode a;
  private final FaultNode b;
  private int refused;
  private int handedOff;

  JoinRace(FaultNode a, FaultNode b) {
    this.a = a;
    this.b = b;
  }

  /** Runs {@code races} races, {@link #KEYS_PER_ROUND} keys at a time. */
  void run(int races) {
    for (int round = 0; round * KEYS_PER_ROUND < races; round++) {
      List<Callable<Answer>> joins = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < KEYS_PER_ROUND && round * KEYS_PER_ROUND + i < races; i++) {
        String key = "Race_" + (round * KEYS_PER_ROUND + i);
        keys.add(key);
        joins.add(() -> a.join(key));
        joins.add(() -> b.join(key));
      }
      List<Answer> answers = Together.run(joins, Duration.ofSeconds(30));
      for (int i = 0; i < keys.size(); i++) {
        check(keys.get(i), answers.get(2 * i), answers.get(2 * i + 1));
      }
    }
    System.out.printf("Join race: %d races, loser refused with 409 %d times, got it by handoff %d times%n",
        races, refused, handedOff);
  }

  private void check(String key, Answer onA, Answer onB) {
    String both = key + ": A " + onA + " / B " + onB;
    assertTrue(onA.ok() || onB.ok(), "someone wins " + both);
    assertTrue(onA.ok() || onA.status() == 409, both);
    assertTrue(onB.ok() || onB.status() == 409, both);
    FaultNode holder;
    if (onA.ok() && onB.ok()) {
      assertNotEquals(onA.generation(), onB.generation(), "two joins, one generation: " + both);
      boolean aFirst = onA.generation() < onB.generation();
      holder = aFirst ? b : a;
      FaultNode first = aFirst ? a : b;
      assertEquals(409, first.session(key).status(), "the first winner handed it off: " + both);
      handedOff++;
    } else {
      holder = onA.ok() ? a : b;
      FaultNode loser = onA.ok() ? b : a;
      assertNotEquals(200, loser.session(key).status(), "the loser holds nothing: " + both);
      refused++;
    }
    Answer record = b.record(key);
    assertEquals(holder.id(), record.owner(), both);
    assertEquals(Math.max(onA.ok() ? onA.generation() : -1, onB.ok() ? onB.generation() : -1), record.generation(),
        both);
    assertEquals(204, holder.leave(key).status(), both);
  }
}
