package ru.rassylka.delivery.engine;

import jakarta.ejb.NoSuchObjectLocalException;
import jakarta.ejb.Timer;
import java.util.Collection;
import java.util.function.Predicate;

/**
 * The mailings' timers among those the timer service lists. A listed timer may expire or be
 * cancelled by another thread before it is asked anything (another mailing's timer firing, the
 * sweep starting the same mailing); such a timer is gone, which is not a failure of the caller.
 */
final class MailingTimers {

    private MailingTimers() {}

    /** Cancels the timers of the mailing; answers how many it cancelled. */
    static int cancel(Collection<Timer> timers, long mailingId) {
        return cancelWhere(timers, info -> info instanceof Long id && id == mailingId);
    }

    /** Cancels every mailing's timer (their info is the mailing's id); answers how many it cancelled. */
    static int cancelAll(Collection<Timer> timers) {
        return cancelWhere(timers, info -> info instanceof Long);
    }

    private static int cancelWhere(Collection<Timer> timers, Predicate<Object> mailing) {
        int cancelled = 0;
        for (Timer timer : timers) {
            try {
                if (mailing.test(timer.getInfo())) {
                    timer.cancel();
                    cancelled++;
                }
            } catch (NoSuchObjectLocalException gone) {
                // expired or cancelled meanwhile: nothing left to cancel
            }
        }
        return cancelled;
    }
}
