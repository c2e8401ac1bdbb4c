package dev.datamanager.api.user;

import java.util.List;

/**
 * What erasing a user id did: the records erased now, and those whose dead owner's lease is still recent, erased by
 * the node once it can be (their data is still there until then).
 */
public record UserErasure(List<RecordRef> erased, List<RecordRef> pending) {}
