package ru.rassylka.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import ru.rassylka.platform.persistence.Migrations;

/**
 * Ready when the database answers. The public answer is UP or DOWN only; {@link #details()}
 * (database product, version, error) is for the administrator's health page.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database").status(details().up()).build();
    }

    public HealthDetails details() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            return HealthDetails.up(
                    "database",
                    Map.of(
                            "product",
                            metaData.getDatabaseProductName(),
                            "version",
                            metaData.getDatabaseProductVersion()));
        } catch (SQLException e) {
            return HealthDetails.down("database", Map.of(), e.getMessage());
        }
    }
}
