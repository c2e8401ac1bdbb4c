package dev.datamanager.api.user;

import dev.datamanager.api.session.RecordView;
import java.util.List;

/** Every record that lists a user id, each as the body of {@code GET …/records/{key}}, with its data. */
public record UserRecords(List<RecordView> records) {}
