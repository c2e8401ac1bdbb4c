package dev.datamanager.it.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet's pass/fail line: compares what the clients were acknowledged with what is stored once every player has
 * left. Nothing acknowledged is lost, nothing is stored twice, nothing is stored that was never sent.
 */
final class ZeroLoss {

  /** The violations by kind, and how many acknowledged effects were checked. */
  record Verdict(List<String> lostUpdates, List<String> lostGifts, List<String> duplicatedGifts,
      List<String> itemsNotConserved, int updatesChecked, int giftsChecked, int itemsChecked) {

    List<String> all() {
      List<String> all = new ArrayList<>(lostUpdates);
      all.addAll(lostGifts);
      all.addAll(duplicatedGifts);
      all.addAll(itemsNotConserved);
      return all;
    }

    boolean passed() {
      return all().isEmpty();
    }

    @Override
    public String toString() {
      return String.format("%s: %d players' last acknowledged update, %d gifts, %d starting items checked;"
          + " lost updates %d, lost gifts %d, duplicated gifts %d, items lost, duplicated or unknown %d",
          passed() ? "PASS" : "FAIL", updatesChecked, giftsChecked, itemsChecked, lostUpdates.size(),
          lostGifts.size(), duplicatedGifts.size(), itemsNotConserved.size());
    }
  }

  private ZeroLoss() {}

  static Verdict check(Ledger ledger, StoredState stored) {
    List<String> lostUpdates = new ArrayList<>(ledger.joinedBehind());
    ledger.updates().forEach((key, updates) -> {
      long acknowledged = updates.maxAcknowledged();
      long sent = updates.maxSent();
      Long seq = stored.seqs().get(key);
      if (acknowledged > 0 && (seq == null || seq < acknowledged)) {
        lostUpdates.add(key + ": update " + acknowledged + " was answered 200, stored is " + seq);
      } else if (seq != null && seq > sent) {
        lostUpdates.add(key + ": stored update " + seq + " was never sent (last sent " + sent + ")");
      }
    });

    List<String> lostGifts = new ArrayList<>();
    List<String> duplicatedGifts = new ArrayList<>();
    Map<String, Integer> applied = new HashMap<>();
    Map<String, String> appliedTo = new HashMap<>();
    stored.gifts().forEach((key, gifts) -> gifts.forEach(gift -> {
      applied.merge(gift, 1, Integer::sum);
      appliedTo.put(gift, key);
    }));
    Map<String, String> pendingFor = new HashMap<>();
    stored.pendingGifts().forEach((key, gifts) -> gifts.forEach(gift -> pendingFor.put(gift, key)));
    applied.forEach((gift, times) -> {
      if (times > 1) {
        duplicatedGifts.add(gift + " applied " + times + " times");
      }
      if (!appliedTo.get(gift).equals(ledger.giftsSent().get(gift))) {
        duplicatedGifts.add(gift + " applied to " + appliedTo.get(gift) + " but sent to "
            + ledger.giftsSent().get(gift));
      }
      if (pendingFor.containsKey(gift)) {
        duplicatedGifts.add(gift + " applied and still pending: it would be applied again");
      }
    });
    ledger.giftsAcked().forEach((gift, key) -> {
      if (!key.equals(appliedTo.get(gift))) {
        lostGifts.add(key + ": the ack of " + gift + " was answered 200, its effect is not stored");
      }
    });
    ledger.giftsStored().forEach((gift, key) -> {
      if (!key.equals(appliedTo.get(gift)) && !key.equals(pendingFor.get(gift))) {
        lostGifts.add(key + ": " + gift + " was answered 202, it is neither applied nor pending");
      }
    });

    List<String> items = new ArrayList<>();
    Map<String, Integer> held = new HashMap<>();
    stored.items().values().forEach(list -> list.forEach(item -> held.merge(item, 1, Integer::sum)));
    ledger.startingItems().forEach((item, key) -> {
      if (!held.containsKey(item)) {
        items.add(item + " (handed to " + key + ", acknowledged) is in no record");
      }
    });
    held.forEach((item, times) -> {
      if (times > 1) {
        items.add(item + " is stored " + times + " times");
      }
      if (!ledger.possibleItems().contains(item)) {
        items.add(item + " is stored but was never handed out");
      }
    });
    return new Verdict(lostUpdates, lostGifts, duplicatedGifts, items, ledger.updates().size(),
        ledger.giftsStored().size(), ledger.startingItems().size());
  }
}
