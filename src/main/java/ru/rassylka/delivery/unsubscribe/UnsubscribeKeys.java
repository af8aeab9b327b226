package ru.rassylka.delivery.unsubscribe;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ru.rassylka.platform.signing.Signer;
import ru.rassylka.platform.signing.SigningKey;
import ru.rassylka.platform.signing.SigningKeys;

/**
 * The keys that sign the unsubscribe links, chosen on start: {@code UNSUBSCRIBE_SIGNING_KEY}, or
 * else the key stored in {@code signing_key} (made by the first instance that starts), and
 * {@code UNSUBSCRIBE_SIGNING_KEY_PREVIOUS} during a rotation. The engine signs with them, the
 * unsubscribe page checks with them.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class UnsubscribeKeys {

    /** The name of the unsubscribe links' key in the signing_key table. */
    static final String STORED_NAME = "unsubscribe";

    // secrets: read here, never logged
    @Inject
    @ConfigProperty(name = "unsubscribe.signing.key")
    private Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "unsubscribe.signing.key.previous")
    private Optional<String> previousKey;

    @Inject
    private SigningKeys signingKeys;

    @Inject
    private Logger logger;

    private volatile UnsubscribeTokens tokens;

    /** Signed with the configured key, or else with the one stored in the database (made on the first start). */
    @PostConstruct
    void start() {
        SigningKey current = signingKeys.key(STORED_NAME, "UNSUBSCRIBE_SIGNING_KEY", configuredKey);
        Optional<String> previous = previousKey.filter(key -> !key.isBlank());
        logger.info("Unsubscribe links are signed with the key " + current.origin()
                + (previous.isPresent() ? "; links signed with UNSUBSCRIBE_SIGNING_KEY_PREVIOUS keep working" : ""));
        tokens = previous.map(key ->
                        new UnsubscribeTokens(current.secret(), Signer.key("UNSUBSCRIBE_SIGNING_KEY_PREVIOUS", key)))
                .orElseGet(() -> new UnsubscribeTokens(current.secret()));
    }

    /** The tokens of the unsubscribe links. */
    public UnsubscribeTokens tokens() {
        return tokens;
    }
}
