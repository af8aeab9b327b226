package ru.rassylka.delivery.engine;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import ru.rassylka.platform.persistence.Migrations;

/** The query behind the engine's {@code rassylka.deliveries.waiting} gauge. */
@Stateless
@PermitAll
public class WaitingDeliveries {

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    /** Deliveries this and every other instance still have to finish, over the unfinished runs. */
    public long count() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select coalesce(sum(total - sent - failed - skipped), 0) from mailing_run where finished_at is null");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Waiting deliveries could not be counted", e);
        }
    }
}
