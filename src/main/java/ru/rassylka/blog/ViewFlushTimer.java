package ru.rassylka.blog;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Writes the article views counted on this instance every second, and once more when the
 * application stops. Not persistent on purpose: the counts live in this instance's memory, and
 * deployment recreates the schedule on every start. Overlapping runs wait for each other in
 * {@link ViewCounts}.
 */
@Singleton
@Startup
public class ViewFlushTimer {

    @Inject
    private ViewFlush flush;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "article views")
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void flush() {
        flush.flush();
    }

    @PreDestroy
    void flushLast() {
        flush.flush();
    }
}
