package ru.rassylka.delivery;

/** A delivery this instance holds the lease of, with what the e-mail needs. */
public record Claimed(long id, long runId, String email, String fullName, int attempts) {}
