package ru.rassylka.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else touches the database. Flyway commits each
 * migration itself, so no container transaction may wrap it.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

    public static final String DATA_SOURCE = "jdbc/rassylka";

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Logger logger;

    @PostConstruct
    void migrate() {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                // Indexes only one database knows live in db/vendor/postgresql (or h2)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor())
                .load();
        MigrateResult result = flyway.migrate();
        logger.info(() -> "Database schema at version "
                + flyway.info().current().getVersion() + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /** The database product in lower case, e.g. postgresql or h2. */
    private String vendor() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached", e);
        }
    }
}
