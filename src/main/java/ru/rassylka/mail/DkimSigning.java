package ru.rassylka.mail;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Signs every outgoing e-mail, mailings and the service's own, with DKIM when {@code DKIM_DOMAIN},
 * {@code DKIM_SELECTOR} and {@code DKIM_PRIVATE_KEY_FILE} are set. The key is read once at start;
 * a missing or unreadable key, or only some of the settings, is a SEVERE line at start and a DOWN
 * check on the administrator's health page, and e-mails then go out unsigned rather than not at all.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DkimSigning {

    @Inject
    private Logger logger;

    private Optional<DkimKey> key = Optional.empty();
    private Optional<String> problem = Optional.empty();

    @PostConstruct
    void init() {
        Config config = ConfigProvider.getConfig();
        try {
            key = DkimKey.of(name -> config.getOptionalValue(name, String.class));
            key.ifPresentOrElse(
                    found -> logger.info(() -> "E-mails are signed with DKIM for " + found.domain() + ", selector "
                            + found.selector() + " (" + found.bits() + "-bit RSA key); publish the TXT record "
                            + found.recordName() + " shown on /admin/health"),
                    () -> logger.info(
                            "DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE are not set: e-mails go out without a DKIM signature"));
        } catch (IllegalArgumentException e) {
            problem = Optional.of(e.getMessage());
            logger.severe(() -> "E-mails go out WITHOUT a DKIM signature: " + e.getMessage());
        }
    }

    /** The e-mail signed, when a key is configured; otherwise the e-mail itself. */
    public MimeMessage sign(MimeMessage message) throws MessagingException {
        return key.isPresent() ? key.get().sign(message) : message;
    }

    /** The key in use, for the record to publish. */
    public Optional<DkimKey> key() {
        return key;
    }

    /** Why e-mails are not signed although DKIM settings are given. */
    public Optional<String> problem() {
        return problem;
    }
}
