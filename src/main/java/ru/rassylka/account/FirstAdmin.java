package ru.rassylka.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ru.rassylka.mail.MailSettings;

/**
 * Creates the first administrator on a start without one: from ADMIN_EMAIL / ADMIN_PASSWORD, or
 * in development mode a generated one whose password is printed once.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class FirstAdmin {

    static final String DEVELOPMENT_EMAIL = "admin@localhost";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AdminAppointment appointment;

    @Inject
    private MailSettings mailSettings;

    @Inject
    private Logger logger;

    @Inject
    @ConfigProperty(name = "admin.email")
    private Optional<String> email;

    @Inject
    @ConfigProperty(name = "admin.password")
    private Optional<String> password;

    @PostConstruct
    void ensureAdministrator() {
        long administrators = em.createNamedQuery(User.ADMIN_COUNT, Long.class)
                .setParameter("role", Role.ADMIN)
                .getSingleResult();
        if (administrators > 0) {
            return;
        }
        if (email.isPresent() && password.isPresent()) {
            String address = User.normalizeEmail(email.get());
            switch (appointment.appoint(address, password.get())) {
                case CREATED -> logger.info(() -> "Created the first administrator " + address);
                case GRANTED ->
                    logger.warning(() -> "ADMIN_EMAIL " + address
                            + " belongs to an existing account: it is now an administrator and keeps its own password");
                case ALREADY_ADMIN ->
                    logger.info(() -> "The administrator " + address + " was appointed by another instance");
            }
        } else if (mailSettings.development()) {
            String generated = Tokens.newSecret().substring(0, 16);
            if (appointment.appoint(DEVELOPMENT_EMAIL, generated) == AdminAppointment.Result.CREATED) {
                logger.warning(() -> "DEVELOPMENT MODE: created the administrator " + DEVELOPMENT_EMAIL
                        + " with the password " + generated + " (shown only this once)");
            } else {
                logger.warning(() ->
                        "DEVELOPMENT MODE: " + DEVELOPMENT_EMAIL + " is the administrator (its password is unchanged)");
            }
        } else {
            logger.warning("No administrator exists: set ADMIN_EMAIL and ADMIN_PASSWORD and restart");
        }
    }
}
