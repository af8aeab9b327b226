package ru.rassylka.account;

import java.time.Duration;

/** What a single-use link in an e-mail is for, and how long it stays valid. */
public enum TokenPurpose {
    VERIFY(Duration.ofHours(24)),
    RESET(Duration.ofHours(1));

    private final Duration lifetime;

    TokenPurpose(Duration lifetime) {
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }
}
