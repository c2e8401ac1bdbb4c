package dev.datamanager.core.trade;

import dev.datamanager.api.record.RecordKey;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.Snapshot;

/** One session in a trade and the state the trade commits for it. */
record TradeSide(RecordKey key, HeldSession session, Snapshot traded) {}
