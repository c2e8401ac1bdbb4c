package dev.datamanager.core.trade;

import dev.datamanager.api.error.SessionLostException;
import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.SaveReason;
import dev.datamanager.api.record.VersionNote;
import dev.datamanager.core.session.SessionRegistry;
import java.util.List;

/**
 * A trade whose sessions have all taken their side: what it commits, and what the sessions become once it has.
 *
 * @param id the tag every version the trade writes carries, by which its outcome is read back
 */
record Trade(String id, String store, String serverId, List<TradeSide> sides) {

  /** One fenced write per session, each the session's next change, all tagged with the trade's id. */
  List<CommitRequest> requests() {
    VersionNote note = new VersionNote(SaveReason.TRADE, serverId, id);
    return sides.stream()
        .map(side -> new CommitRequest(side.key(), serverId, side.traded().generation(), side.traded().changeCount(),
            side.traded().document().toString(), note, side.traded().userIds(),
            side.traded().consumedMessages()))
        .toList();
  }

  /** The trade committed: every session holds its side, saved as the version {@code outcomes} names. */
  void committed(List<Committed> outcomes, long sentNanos) {
    for (int i = 0; i < sides.size(); i++) {
      TradeSide side = sides.get(i);
      side.session().tradeCommitted(side.traded(), outcomes.get(i).version());
      side.session().lease().confirm(outcomes.get(i).leaseRenewedAt(), sentNanos);
    }
  }

  /** The trade did not commit and never will: every session is as it was. */
  void calledOff() {
    sides.forEach(side -> side.session().tradeCalledOff());
  }

  /**
   * The trade did not commit because {@code lost}'s record is held under another generation now: that session is
   * dropped, the others are as they were.
   */
  void lostTo(SessionLostException lost, SessionRegistry registry) {
    calledOff();
    sides.stream().filter(side -> side.key().key().equals(lost.key()))
        .forEach(side -> registry.markLost(side.key(), side.session(), lost.newOwner()));
  }

  /** Its outcome is unknown: every session refuses changes and saves until it is read back. */
  void unknown() {
    sides.forEach(side -> side.session().tradeUnknown());
  }
}
