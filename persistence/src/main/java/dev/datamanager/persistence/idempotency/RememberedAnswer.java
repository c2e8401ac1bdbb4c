package dev.datamanager.persistence.idempotency;

/** What a request with an idempotency key was answered: its fingerprint, status and JSON body. */
public record RememberedAnswer(String fingerprint, int status, String answer) {}
