package dev.datamanager.api.job;

import jakarta.json.bind.annotation.JsonbNillable;

/** Why a job could not change one record ({@code key}), or, with a null key, why the job itself failed. */
@JsonbNillable
public record JobError(String key, String detail) {}
