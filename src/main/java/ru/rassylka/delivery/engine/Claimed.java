package ru.rassylka.delivery.engine;

/** A delivery this instance holds the lease of under the claim {@code claim}, with what the e-mail needs. */
public record Claimed(long id, long runId, String email, String fullName, int attempts, long claim) {

    /** The same delivery held under another claim. */
    Claimed under(long otherClaim) {
        return new Claimed(id, runId, email, fullName, attempts, otherClaim);
    }
}
