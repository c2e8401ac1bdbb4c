package dev.datamanager.it.fault;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/** The checker's verdicts over the rounds of one race: how many rounds lost acknowledged ids, and every violation. */
final class RaceTally {

  private final String race;
  private final List<String> violations = new ArrayList<>();
  private int rounds;
  private int losingRounds;
  private int acknowledged;
  private int lost;
  private int duplicated;
  private int fenced;
  private int refusedStored;

  RaceTally(String race) {
    this.race = race;
  }

  void add(HistoryChecker.Verdict verdict) {
    rounds++;
    losingRounds += verdict.lost().isEmpty() ? 0 : 1;
    acknowledged += verdict.acknowledged();
    lost += verdict.lost().size();
    duplicated += verdict.duplicated().size();
    fenced += verdict.fenced().size();
    refusedStored += verdict.refusedStored().size();
    violations.addAll(verdict.all());
  }

  /** Prints every tally, then fails if any round of any of them broke a rule. */
  static void assertClean(RaceTally... tallies) {
    StringBuilder failures = new StringBuilder();
    for (RaceTally tally : tallies) {
      String line = tally.toString();
      System.out.println(line + (tally.violations.isEmpty() ? "" : "; for example " + tally.violations.get(0)));
      if (!tally.violations.isEmpty()) {
        failures.append(line).append('\n')
            .append(String.join("\n", tally.violations.subList(0, Math.min(10, tally.violations.size()))))
            .append('\n');
      }
    }
    assertTrue(failures.isEmpty(), failures::toString);
  }

  @Override
  public String toString() {
    return String.format("%s: %d of %d rounds lost acknowledged ids; %d acknowledged updates, lost acknowledged"
        + " updates: %d, duplicated appends: %d, writes from a fenced-off owner: %d, refused updates stored: %d", race,
        losingRounds, rounds, acknowledged, lost, duplicated, fenced, refusedStored);
  }
}
