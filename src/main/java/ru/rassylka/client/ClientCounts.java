package ru.rassylka.client;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The number of clients per owner, kept in {@code client_count} by every change that adds or
 * removes clients (inside the change's transaction), so the list need not count a million rows.
 * A missing row is created from an exact count the first time an owner's clients change.
 */
public final class ClientCounts {

    private static final String ADD = "update client_count set clients = clients + ? where owner_id = ?";
    private static final String FIRST = "insert into client_count (owner_id, clients) "
            + "select ?, count(*) from client where owner_id = ? on conflict do nothing";
    private static final String READ = "select clients from client_count where owner_id = ?";

    private ClientCounts() {}

    /** Records a change already written (flushed) in this transaction. */
    public static void add(EntityManager em, long ownerId, long delta) {
        if (em.createNativeQuery(ADD)
                        .setParameter(1, delta)
                        .setParameter(2, ownerId)
                        .executeUpdate()
                == 0) {
            em.createNativeQuery(FIRST)
                    .setParameter(1, ownerId)
                    .setParameter(2, ownerId)
                    .executeUpdate();
        }
    }

    /** The same, on a JDBC connection of the transaction that wrote the change. */
    static void add(Connection connection, long ownerId, long delta) throws SQLException {
        try (PreparedStatement add = connection.prepareStatement(ADD)) {
            add.setLong(1, delta);
            add.setLong(2, ownerId);
            if (add.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement first = connection.prepareStatement(FIRST)) {
            first.setLong(1, ownerId);
            first.setLong(2, ownerId);
            first.executeUpdate();
        }
    }

    /** The kept number, unless the owner's clients never changed since it is kept. */
    static Optional<Long> read(EntityManager em, long ownerId) {
        return em.createNativeQuery(READ)
                .setParameter(1, ownerId)
                .getResultStream()
                .findFirst()
                .map(value -> ((Number) value).longValue());
    }
}
