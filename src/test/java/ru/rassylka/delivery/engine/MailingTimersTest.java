package ru.rassylka.delivery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.NoSuchObjectLocalException;
import jakarta.ejb.Timer;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailingTimersTest {

    /** A timer of the timer service's list: its info, whether it is gone, and whether it was cancelled. */
    private static final class ListedTimer {
        final Object info;
        final boolean gone;
        boolean cancelled;

        ListedTimer(Object info, boolean gone) {
            this.info = info;
            this.gone = gone;
        }

        Timer asTimer() {
            return (Timer) Proxy.newProxyInstance(
                    Timer.class.getClassLoader(), new Class<?>[] {Timer.class}, (proxy, method, args) -> {
                        if (gone) {
                            throw new NoSuchObjectLocalException("timer no longer exists");
                        }
                        return switch (method.getName()) {
                            case "getInfo" -> info;
                            case "cancel" -> {
                                cancelled = true;
                                yield null;
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        };
                    });
        }
    }

    @Test
    void cancelsTheMailingsTimerAndPassesOverOneThatExpiredMeanwhile() {
        ListedTimer expired = new ListedTimer(7L, true);
        ListedTimer other = new ListedTimer(8L, false);
        ListedTimer mine = new ListedTimer(7L, false);

        int cancelled = MailingTimers.cancel(List.of(expired.asTimer(), other.asTimer(), mine.asTimer()), 7L);

        assertEquals(1, cancelled);
        assertTrue(mine.cancelled);
        assertFalse(other.cancelled);
    }

    @Test
    void cancelsEveryMailingsTimerButNotTheSweepsAndSkipsTheGoneOnes() {
        ListedTimer sweep = new ListedTimer("sending sweep", false);
        ListedTimer gone = new ListedTimer(3L, true);
        ListedTimer first = new ListedTimer(1L, false);
        ListedTimer second = new ListedTimer(2L, false);

        int cancelled =
                MailingTimers.cancelAll(List.of(sweep.asTimer(), gone.asTimer(), first.asTimer(), second.asTimer()));

        assertEquals(2, cancelled);
        assertTrue(first.cancelled);
        assertTrue(second.cancelled);
        assertFalse(sweep.cancelled);
    }
}
