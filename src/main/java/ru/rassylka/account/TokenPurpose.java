package ru.rassylka.account;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/** What a single-use link in an e-mail is for, and how long it stays valid. */
public enum TokenPurpose {
    /** Confirms the address; the password stays the one typed at registration. */
    VERIFY(Duration.ofHours(24)),
    /**
     * Confirms the address with a password chosen on the link's page: every verification link after
     * the first, since whoever asked for it (registering again, asking for a new link) may not be
     * whoever chose the stored password, while whoever opens it reads the address's mail.
     */
    CHOOSE_PASSWORD(Duration.ofHours(24)),
    RESET(Duration.ofHours(1));

    private final Duration lifetime;

    TokenPurpose(Duration lifetime) {
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** The purposes whose earlier links a new link of this one spends: a new verification link ends every earlier one. */
    Set<TokenPurpose> replaces() {
        return this == RESET ? EnumSet.of(RESET) : EnumSet.of(VERIFY, CHOOSE_PASSWORD);
    }
}
