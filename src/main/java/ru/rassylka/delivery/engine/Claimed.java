package ru.rassylka.delivery.engine;

/**
 * A delivery this instance holds the lease of under the claim {@code claim}, with what the e-mail needs.
 *
 * @param handedBy the instance that had handed its e-mail to the mail server under its former claim and
 *     stopped before recording the server's answer (so it is recorded, not sent again), or null
 */
public record Claimed(long id, long runId, String email, String fullName, int attempts, long claim, String handedBy) {

    /** A delivery whose e-mail no instance has handed over yet. */
    public Claimed(long id, long runId, String email, String fullName, int attempts, long claim) {
        this(id, runId, email, fullName, attempts, claim, null);
    }

    /** The same delivery held under another claim. */
    Claimed under(long otherClaim) {
        return new Claimed(id, runId, email, fullName, attempts, otherClaim, handedBy);
    }

    /** Whether an instance that stopped had handed its e-mail to the mail server already. */
    public boolean handedOver() {
        return handedBy != null;
    }
}
