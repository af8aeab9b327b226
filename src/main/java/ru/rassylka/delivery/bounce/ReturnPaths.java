package ru.rassylka.delivery.bounce;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.IDN;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ru.rassylka.mail.MailSettings;
import ru.rassylka.mail.TestDomainReports;
import ru.rassylka.platform.persistence.Migrations;
import ru.rassylka.platform.signing.SigningKey;
import ru.rassylka.platform.signing.SigningKeys;

/**
 * The return path of every mailing e-mail when {@code BOUNCE_DOMAIN} is set: the envelope sender
 * {@code bounces+<token>@BOUNCE_DOMAIN} names the delivery, so a bounce that comes back to it
 * maps to exactly that delivery whatever its text says. Without {@code BOUNCE_DOMAIN} the
 * envelope sender stays the sender's address, except in development mode, where the return paths
 * are at {@value #DEVELOPMENT_DOMAIN} so that the development mailbox's reports find their
 * deliveries ({@link TestDomainBounces}). The tokens are signed with {@code BOUNCE_SIGNING_KEY},
 * or else with a key the first start makes and keeps in the database, as the unsubscribe links are.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReturnPaths {

    /** The domain of the return paths in development mode (no {@code SMTP_HOST}) without {@code BOUNCE_DOMAIN}. */
    public static final String DEVELOPMENT_DOMAIN = "bounces.localhost";

    /** The name of the return paths' key in the signing_key table. */
    static final String KEY_NAME = "return-path";

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "bounce.domain")
    private Optional<String> configuredDomain;

    // a secret: read here, never logged
    @Inject
    @ConfigProperty(name = "bounce.signing.key")
    private Optional<String> configuredKey;

    @Inject
    private MailSettings mailSettings;

    @Inject
    private Logger logger;

    @Inject
    private SigningKeys signingKeys;

    private Optional<String> domain;
    private ReturnPathTokens tokens;
    private ReturnPathStamp stamp;

    @PostConstruct
    void init() {
        domain = configuredDomain
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .map(value -> IDN.toASCII(value, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT))
                .or(() -> mailSettings.development() ? Optional.of(DEVELOPMENT_DOMAIN) : Optional.empty());
        SigningKey key = signingKeys.key(KEY_NAME, "BOUNCE_SIGNING_KEY", configuredKey);
        tokens = new ReturnPathTokens(key.secret());
        stamp = new ReturnPathStamp(domain, tokens);
        logger.info(
                () -> domain.map(value -> "Mailing e-mails carry the return path " + ReturnPathTokens.LOCAL_PART
                                + "+<delivery>@" + value
                                + ", signed with the key "
                                + key.origin()
                                + (mailSettings.development()
                                        ? "; e-mails to *@" + TestDomainReports.BOUNCE_DOMAIN + " and *@"
                                                + TestDomainReports.COMPLAINT_DOMAIN
                                                + " come back from the development mailbox as a bounce and a complaint"
                                        : ""))
                        .orElse(
                                "BOUNCE_DOMAIN is not set: the envelope sender of mailing e-mails is the sender's address and bounces are not read"));
    }

    /** The domain of the return paths, when bounces come back to the service. */
    public Optional<String> domain() {
        return domain;
    }

    /** The delivery's return path, when {@code BOUNCE_DOMAIN} is set. */
    public Optional<String> addressFor(long deliveryId) {
        return stamp.addressFor(deliveryId);
    }

    /**
     * What makes each delivery's return path the envelope sender of its e-mail, when {@code BOUNCE_DOMAIN}
     * is set: a plain object the sending asks for once and keeps, rather than a call here per e-mail.
     */
    public ReturnPathStamp stamp() {
        return stamp;
    }

    /** The delivery id of a genuine token, or empty for a forged or altered one. */
    public OptionalLong deliveryIdOf(String token) {
        return tokens.deliveryOf(token);
    }

    /** The delivery of a genuine token with its owner, or empty for a forged token or a delivery that does not exist. */
    public Optional<BouncedDelivery> find(String token) {
        OptionalLong id = tokens.deliveryOf(token);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select d.id, r.owner_id, d.run_id, d.client_id, d.email"
                                + " from delivery d join mailing_run r on r.id = d.run_id where d.id = ?")) {
            select.setLong(1, id.getAsLong());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next()
                        ? Optional.of(new BouncedDelivery(
                                rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getString(5)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The delivery of a return path could not be read", e);
        }
    }
}
