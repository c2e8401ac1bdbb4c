package dev.datamanager.api.trade;

import dev.datamanager.api.session.SessionView;
import java.util.List;

/** A committed trade: every session it changed, as committed, in the order of the request's changes. */
public record TradeResult(List<SessionView> sessions) {}
