package dev.datamanager.api.message;

import java.util.List;

/** The messages pending for one record, oldest first. */
public record MessageList(List<MessageView> messages) {}
