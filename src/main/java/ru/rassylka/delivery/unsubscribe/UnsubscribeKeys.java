package ru.rassylka.delivery.unsubscribe;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ru.rassylka.platform.persistence.Migrations;

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

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    // secrets: read here, never logged
    @Inject
    @ConfigProperty(name = "unsubscribe.signing.key")
    private Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "unsubscribe.signing.key.previous")
    private Optional<String> previousKey;

    @Inject
    private Logger logger;

    private volatile UnsubscribeTokens tokens;

    /** Signed with the configured key, or else with the one stored in the database (made on the first start). */
    @PostConstruct
    void start() {
        Optional<String> configured = configuredKey.filter(key -> !key.isBlank());
        Optional<String> previous = previousKey.filter(key -> !key.isBlank());
        byte[] current = configured
                .map(key -> UnsubscribeTokens.key("UNSUBSCRIBE_SIGNING_KEY", key))
                .orElseGet(() -> Base64.getDecoder().decode(storedKey()));
        logger.info("Unsubscribe links are signed with the key "
                + (configured.isPresent() ? "of UNSUBSCRIBE_SIGNING_KEY" : "stored in the database")
                + (previous.isPresent() ? "; links signed with UNSUBSCRIBE_SIGNING_KEY_PREVIOUS keep working" : ""));
        tokens = previous.map(key ->
                        new UnsubscribeTokens(current, UnsubscribeTokens.key("UNSUBSCRIBE_SIGNING_KEY_PREVIOUS", key)))
                .orElseGet(() -> new UnsubscribeTokens(current));
    }

    /** The tokens of the unsubscribe links. */
    public UnsubscribeTokens tokens() {
        return tokens;
    }

    private String storedKey() {
        byte[] secret = new byte[UnsubscribeTokens.KEY_MIN_BYTES];
        new SecureRandom().nextBytes(secret);
        return signingKey(STORED_NAME, Base64.getEncoder().encodeToString(secret));
    }

    /**
     * The stored secret of that name (base64), storing {@code fresh} first when there is none yet:
     * the first instance that asks makes it, every later one reads it. Instances starting together
     * on a fresh database all end with the one stored: an insert that finds the name taken (also
     * by a transaction still open, which it waits for) does nothing, then all read the same row.
     */
    public String signingKey(String name, String fresh) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into signing_key (name, secret) values (?, ?) on conflict do nothing")) {
                insert.setString(1, name);
                insert.setString(2, fresh);
                insert.executeUpdate();
            }
            return storedKey(connection, name).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("The signing key could not be read or saved", e);
        }
    }

    private static Optional<String> storedKey(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select secret from signing_key where name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }
}
