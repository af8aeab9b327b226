package ru.rassylka.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
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
    private PasswordHasher hasher;

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
        long administrators = em.createNamedQuery(User.ADMIN_COUNT, Long.class).setParameter("role", Role.ADMIN).getSingleResult();
        if (administrators > 0) {
            return;
        }
        if (email.isPresent() && password.isPresent()) {
            create(email.get(), password.get());
            logger.info(() -> "Created the first administrator " + User.normalizeEmail(email.get()));
        } else if (mailSettings.development()) {
            String generated = Tokens.newSecret().substring(0, 16);
            create(DEVELOPMENT_EMAIL, generated);
            logger.warning(() -> "DEVELOPMENT MODE: created the administrator " + DEVELOPMENT_EMAIL
                    + " with the password " + generated + " (shown only this once)");
        } else {
            logger.warning("No administrator exists: set ADMIN_EMAIL and ADMIN_PASSWORD and restart");
        }
    }

    private void create(String adminEmail, String adminPassword) {
        Instant now = Instant.now();
        User admin = new User(adminEmail, hasher.hash(adminPassword), now);
        admin.verify(now);
        admin.grant(Role.ADMIN);
        em.persist(admin);
    }
}
