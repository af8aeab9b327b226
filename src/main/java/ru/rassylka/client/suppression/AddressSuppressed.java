package ru.rassylka.client.suppression;

import java.time.Instant;

/**
 * An address went on its owner's suppression list (or its entry got a stronger reason), within
 * the transaction that put it there: what still waits for it in the owner's runs is skipped by
 * the package that keeps the runs.
 */
public record AddressSuppressed(long ownerId, SuppressedAddress address, SuppressionReason reason, Instant at) {}
