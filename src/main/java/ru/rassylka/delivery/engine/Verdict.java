package ru.rassylka.delivery.engine;

import ru.rassylka.delivery.DeliveryState;
import ru.rassylka.delivery.SkipReason;

/**
 * What an SMTP attempt means for its delivery.
 *
 * @param outcome SENT, RETRY (temporary) or FAILED (permanent)
 * @param code the SMTP reply code, or 0 when the server never answered
 * @param reply the server's reply text, or the error
 * @param scope whom the reply concerns, which decides whose attempt it is
 * @param reason why the service itself did not send it (the pages show it translated), or null
 */
public record Verdict(DeliveryState outcome, int code, String reply, Scope scope, SkipReason reason) {

    /** Whom a reply concerns. */
    public enum Scope {
        /** The recipient or this one e-mail (RCPT, a 5xx to the e-mail's data): an attempt of the delivery. */
        RECIPIENT,
        /**
         * The sender (MAIL FROM, the login, a 4xx to DATA, a 421 closing the session): the whole sender
         * backs off, and no recipient's attempt is spent on it.
         */
        SENDER,
        /** The connection itself failed (refused, reset, timed out): counts for the circuit breaker. */
        CONNECTION
    }

    public Verdict(DeliveryState outcome, int code, String reply, boolean serverUnreachable) {
        this(outcome, code, reply, serverUnreachable ? Scope.CONNECTION : Scope.RECIPIENT, null);
    }

    public static Verdict sent(int code, String reply) {
        return new Verdict(DeliveryState.SENT, code, reply, false);
    }

    /** The connection failed: counts for the circuit breaker rather than against the recipient. */
    public boolean serverUnreachable() {
        return scope == Scope.CONNECTION;
    }

    /** The same verdict with another outcome. */
    public Verdict withOutcome(DeliveryState other) {
        return new Verdict(other, code, reply, scope, reason);
    }
}
