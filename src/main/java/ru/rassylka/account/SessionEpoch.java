package ru.rassylka.account;

import jakarta.servlet.http.HttpSession;
import java.util.Objects;

/**
 * The account's session epoch a session was opened at. The account raises its epoch when its
 * password or roles change, and a session holding an older one is ended by
 * {@link ActiveAccountFilter}.
 */
final class SessionEpoch {

    private static final String ATTRIBUTE = SessionEpoch.class.getName();

    private SessionEpoch() {}

    /** Marks the session as up to date with the account, e.g. on login or after its own password change. */
    static void keep(HttpSession session, User user) {
        session.setAttribute(ATTRIBUTE, user.getSessionEpoch());
    }

    /** Whether the session was opened before the account last changed its password or roles. */
    static boolean isStale(HttpSession session, User user) {
        Object seen = session.getAttribute(ATTRIBUTE);
        if (seen == null) {
            keep(session, user);
            return false;
        }
        return !Objects.equals(seen, user.getSessionEpoch());
    }
}
