package ru.rassylka.delivery;

/**
 * What an SMTP attempt means for its delivery.
 *
 * @param outcome SENT, RETRY (temporary) or FAILED (permanent)
 * @param code the SMTP reply code, or 0 when the server never answered
 * @param reply the server's reply text, or the error
 * @param serverUnreachable the connection itself failed (refused, reset, timed out): counts for
 *     the circuit breaker rather than against the recipient
 * @param reason why the service itself did not send it (the pages show it translated), or null
 */
public record Verdict(DeliveryState outcome, int code, String reply, boolean serverUnreachable, SkipReason reason) {

    public Verdict(DeliveryState outcome, int code, String reply, boolean serverUnreachable) {
        this(outcome, code, reply, serverUnreachable, null);
    }

    public static Verdict sent(int code, String reply) {
        return new Verdict(DeliveryState.SENT, code, reply, false);
    }
}
