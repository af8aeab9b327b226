package ru.rassylka.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.postgresql.PGConnection;

/** Which database the application runs on, for the rare statement only one of them knows. */
public final class Databases {

    private static volatile Boolean postgresql;

    private Databases() {}

    /** Whether a JDBC connection (also one of the server's pool, which wraps the driver's) is PostgreSQL's, else H2's. */
    public static boolean isPostgresql(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    /** Whether the persistence unit talks to PostgreSQL (else the embedded H2); asked once. */
    public static boolean isPostgresql(EntityManager em) {
        Boolean known = postgresql;
        if (known == null) {
            try {
                String product = em.unwrap(Connection.class).getMetaData().getDatabaseProductName();
                known = product.toLowerCase(Locale.ROOT).contains("postgresql");
            } catch (SQLException e) {
                throw new PersistenceException(e);
            }
            postgresql = known;
        }
        return known;
    }
}
