package ru.rassylka.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
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
                // Flyway puts postgresql or h2 for {vendor}: indexes only one database knows live there
                .locations("classpath:db/migration", "classpath:db/vendor/{vendor}")
                .load();
        MigrateResult result = flyway.migrate();
        logger.info(() -> "Database schema at version " + flyway.info().current().getVersion()
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
