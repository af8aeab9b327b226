package ru.rassylka.mailing;

import java.time.Instant;

/** A mailing that waits for its next occurrence, and when that is: what a timer is made from. */
public record ScheduledMailing(long mailingId, Instant nextRunAt) {}
