package ru.rassylka.mailing;

import java.time.Instant;

/**
 * The mailing's next occurrence was set (saved, edited, paused, resumed, enabled, deleted);
 * fired inside the transaction so the sending trigger changes with it or not at all.
 *
 * @param nextRunAt the next occurrence, or null when none will come
 */
public record MailingScheduled(long mailingId, Instant nextRunAt) {}
