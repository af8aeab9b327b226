package ru.rassylka.delivery.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private final Claimed first = new Claimed(1, 9, "a@example.org", "A", 0, 7);
    private final Claimed second = new Claimed(2, 9, "b@example.org", "B", 0, 7);

    @Test
    void aClaimIsLeasedUntilItsLeaseEndsAndARenewalMovesTheEnd() {
        Claim claim = new Claim(7, List.of(first, second), NOW.plusSeconds(30));

        assertTrue(claim.leasedAt(NOW.plusSeconds(29)));
        assertFalse(claim.leasedAt(NOW.plusSeconds(30)));
        claim.renewed(NOW.plusSeconds(40), Map.of(1L, 7L, 2L, 7L));
        assertTrue(claim.leasedAt(NOW.plusSeconds(39)));
    }

    @Test
    void aDeliveryTheRenewalFindsUnderAnotherClaimOrNotAtAllIsLost() {
        Claim claim = new Claim(7, List.of(first, second), NOW.plusSeconds(30));

        claim.renewed(NOW.plusSeconds(40), Map.of(1L, 8L));

        assertTrue(claim.lost(first), "another claim holds it");
        assertTrue(claim.lost(second), "no longer SENDING under this instance");
        assertFalse(new Claim(7, List.of(first), NOW).lost(first), "nothing is lost before a renewal says so");
    }

    @Test
    void aClaimNeedsRenewalsUntilItsWorkerHasEndedAndEveryQueuedOutcomeIsWritten() {
        Claim claim = new Claim(7, List.of(first, second), NOW.plusSeconds(30));
        claim.queued();
        claim.queued();

        assertFalse(claim.written());
        assertFalse(claim.sendingEnded(), "one outcome still waits to be written");
        assertTrue(claim.written());
        assertTrue(
                new Claim(7, List.of(first), NOW).sendingEnded(),
                "a worker that queued nothing leaves nothing to renew");
    }
}
