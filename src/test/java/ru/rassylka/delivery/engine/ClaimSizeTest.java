package ru.rassylka.delivery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClaimSizeTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void twoWorkersSharingFourPerSecondWithAThreeSecondLeaseClaimThreeEachNotTheBatchOfTen() {
        ClaimSize size = new ClaimSize(10, Duration.ofSeconds(3), 4, 2);

        // each worker sends one every half second: three in half the lease
        assertEquals(3, size.next());
    }

    @Test
    void aWorkerThatDoesNotKnowItsPaceYetClaimsOne() {
        assertEquals(1, new ClaimSize(100, Duration.ofSeconds(30), 0, 4).next());
    }

    @Test
    void aFastRelayLetsClaimsGrowToTheBatch() {
        ClaimSize size = new ClaimSize(100, Duration.ofSeconds(30), 0, 4);

        size.sent(1, SECOND / 50);

        assertEquals(100, size.next());
    }

    @Test
    void aRelayTakingThreeSecondsPerMessageWithAFiveSecondLeaseKeepsClaimsAtOne() {
        ClaimSize size = new ClaimSize(100, Duration.ofSeconds(5), 0, 4);

        size.sent(1, 3 * SECOND);

        assertEquals(1, size.next());
    }

    @Test
    void aRelayThatSlowsDownToASecondPerMessageShrinksClaimsToFifteenWithinFourBatches() {
        ClaimSize size = new ClaimSize(100, Duration.ofSeconds(30), 0, 4);
        size.sent(100, SECOND / 10);
        assertEquals(100, size.next());

        for (int batch = 0; batch < 4; batch++) {
            size.sent(10, 10 * SECOND);
        }

        // fifteen seconds, half the lease, at a second per message
        assertEquals(15, size.next());
    }

    @Test
    void theRateBoundsThePaceAMeasurementShows() {
        ClaimSize size = new ClaimSize(100, Duration.ofSeconds(30), 10, 1);

        size.sent(100, SECOND / 100);

        // ten a second at most, whatever the relay manages: 150 in half the lease, so the batch
        assertEquals(100, size.next());
        assertEquals(20, new ClaimSize(100, Duration.ofSeconds(4), 10, 1).next());
    }
}
