package dev.datamanager.persistence.job;

/**
 * A job to start: its id is chosen by the caller, so a start whose answer was lost is recognised by its retry.
 *
 * @param parameters the kind's normalized parameters as JSON text; two starts with equal text ask the same thing
 * @param idempotencyKey the caller's key for repeating the start safely, or null
 */
public record NewJob(String id, String kind, String store, String parameters, String createdBy,
    String idempotencyKey) {}
