package ru.rassylka.platform.signing;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;
import ru.rassylka.platform.persistence.Migrations;

/**
 * The one store of signing keys (the {@code signing_key} table): each use of a key, such as the
 * unsubscribe links or the return paths, signs with the key its setting gives, or else with one the
 * first instance that starts makes and keeps here for every later one.
 */
@Singleton
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SigningKeys {

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    /**
     * The key of {@code setting} when it is given ({@code configured}, a secret: never logged), or
     * else the one stored under {@code name}, made now when there is none yet.
     */
    public SigningKey key(String name, String setting, Optional<String> configured) {
        return configured
                .filter(value -> !value.isBlank())
                .map(value -> new SigningKey(Signer.key(setting, value), "of " + setting))
                .orElseGet(() -> new SigningKey(
                        Base64.getDecoder()
                                .decode(signingKey(name, Base64.getEncoder().encodeToString(Signer.freshKey()))),
                        "stored in the database"));
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
