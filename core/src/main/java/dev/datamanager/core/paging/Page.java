package dev.datamanager.core.paging;

import java.util.List;

/** One page of a list; {@code next} is where the next page starts, null on the last page. */
public record Page<T>(List<T> items, Cursor next) {}
