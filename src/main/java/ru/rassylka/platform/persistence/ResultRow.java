package ru.rassylka.platform.persistence;

import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * One row of a query's result (native SQL, or JPQL that selects several values), read by column with
 * its type, so that a service turns it into a record without casting and indexing {@code Object[]}
 * itself: {@code ResultRow.list(query, row -> new ReplyCount(row.integer(0), row.number(1)))}.
 */
public final class ResultRow {

    private final Object[] columns;

    private ResultRow(Object row) {
        // a query of one column answers the value itself, not an array of one
        this.columns = row instanceof Object[] array ? array : new Object[] {row};
    }

    /** Each row of the query, read into a value. */
    public static <T> List<T> list(Query query, Function<ResultRow, T> read) {
        return ((List<?>) query.getResultList())
                .stream().map(ResultRow::new).map(read).toList();
    }

    /** The query's only row, read into a value. */
    public static <T> T single(Query query, Function<ResultRow, T> read) {
        return read.apply(new ResultRow(query.getSingleResult()));
    }

    /** A whole number; 0 for SQL null (a sum over no rows). */
    public long number(int column) {
        Object value = columns[column];
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** A whole number that fits an int; 0 for SQL null. */
    public int integer(int column) {
        return (int) number(column);
    }

    public String text(int column) {
        Object value = columns[column];
        return value == null ? null : value.toString();
    }

    /** A timestamp, as the driver or the embedded database gives it. */
    public Instant instant(int column) {
        Object value = columns[column];
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }
}
