package ru.rassylka.client;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rassylka.account.Accounts;
import ru.rassylka.account.Role;
import ru.rassylka.account.User;
import ru.rassylka.platform.BusinessException;
import ru.rassylka.platform.persistence.LikePatterns;
import ru.rassylka.platform.persistence.PrefixRange;
import ru.rassylka.platform.validation.SingleLine;

/**
 * The caller's clients: pages of the list, create, change, delete. Every query names the owner,
 * so another owner's id finds nothing; the owner is always the caller.
 */
@Stateless
@RolesAllowed(Role.Names.USER)
public class ClientService {

    /** The list's own order: newest first. */
    private static final Order NEWEST = new Order("c.createdAt", "created_at", false, false);
    /** Sortable columns: the view's field name → its order; each has an (owner, column, id) index. */
    private static final Map<String, Order> SORTABLE = Map.of(
            "email", new Order("c.email", "email", true, true),
            "fullName", new Order("c.fullName", "full_name", false, true),
            "createdAt", NEWEST);
    // A prefix search, so that the (owner_id, email) and (owner_id, lower(full_name)) indexes serve it
    private static final String SEARCH =
            " and (c.email like :pattern escape '\\' or lower(c.fullName) like :pattern escape '\\')";
    // The hits of a search on PostgreSQL: by e-mail, or else by name. Each is a range of a pattern
    // index that holds the sorted columns too, so no table row is read, and a range keeps its index
    // in a prepared statement's generic plan, where LIKE with a parameter loses it.
    private static final String HITS = "select id, email, full_name, created_at from client"
            + " where owner_id = ?1 and email ~>=~ ?2 and email ~<~ ?3"
            + " union all select id, email, full_name, created_at from client"
            + " where owner_id = ?1 and lower(full_name) ~>=~ ?2 and lower(full_name) ~<~ ?3"
            + " and not (email ~>=~ ?2 and email ~<~ ?3)";

    /** Up to how many hits a search is counted exactly. */
    public static final int COUNT_CAP = 10_000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Accounts accounts;

    public List<Client> page(String search, String sortField, boolean ascending, int first, int size) {
        User owner = accounts.getCurrent();
        Order order = (sortField == null ? NEWEST : SORTABLE.getOrDefault(sortField, NEWEST)).direction(ascending);
        // The page's ids first: they come off an index alone, and only the rows shown are read from the table
        List<Long> ids = ids(owner, search, order, first, size);
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select c from Client c where c.owner = :owner and c.id in :ids order by " + order.jpql(),
                        Client.class)
                .setParameter("owner", owner)
                .setParameter("ids", ids)
                .getResultList();
    }

    /**
     * All the owner's clients from the kept count; the hits of a search counted up to
     * {@link #COUNT_CAP} + 1 only, so that a search matching half a million clients stays fast
     * (the list then says "more than" the cap).
     */
    public long count(String search) {
        User owner = accounts.getCurrent();
        if (search == null || search.isBlank()) {
            return ClientCounts.read(em, owner.getId())
                    .orElseGet(() -> query(owner, "select count(c) from Client c", "", null, Long.class)
                            .getSingleResult());
        }
        Optional<PrefixRange> range = PrefixRange.forIndex(em, search);
        if (range.isPresent()) {
            return ((Number) hits(
                                    "select count(*) from (" + HITS + " limit " + (COUNT_CAP + 1) + ") hits",
                                    owner,
                                    range.get())
                            .getSingleResult())
                    .longValue();
        }
        String pattern = LikePatterns.startingWith(search);
        Number capped = (Number) em.createNativeQuery("select count(*) from (select 1 from client where owner_id = ?"
                        + " and (email like ? escape '\\' or lower(full_name) like ? escape '\\') limit "
                        + (COUNT_CAP + 1) + ") hits")
                .setParameter(1, owner.getId())
                .setParameter(2, pattern)
                .setParameter(3, pattern)
                .getSingleResult();
        return capped.longValue();
    }

    public Optional<Client> find(long id) {
        return find(accounts.getCurrent(), id);
    }

    public Client get(long id) {
        return find(id).orElseThrow(ClientNotFoundException::new);
    }

    private Optional<Client> find(User owner, long id) {
        return em.createQuery("select c from Client c where c.owner = :owner and c.id = :id", Client.class)
                .setParameter("owner", owner)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    public Client create(String email, String fullName, String comment) {
        User owner = accounts.getCurrent();
        requireValid(email, fullName, comment);
        requireUnique(owner, EmailAddresses.normalize(email), null);
        Client client = new Client(owner, email, fullName, comment, Instant.now());
        em.persist(client);
        em.flush();
        ClientCounts.add(em, owner.getId(), 1);
        return client;
    }

    public Client update(long id, String email, String fullName, String comment) {
        User owner = accounts.getCurrent();
        Client client = find(owner, id).orElseThrow(ClientNotFoundException::new);
        requireValid(email, fullName, comment);
        // checked before the change: a query after it would flush the change first
        requireUnique(owner, EmailAddresses.normalize(email), client.getId());
        client.change(email, fullName, comment);
        return client;
    }

    /** Removes the client; what was already sent to it is kept by the mailings' own records. */
    public void delete(long id) {
        User owner = accounts.getCurrent();
        em.remove(find(owner, id).orElseThrow(ClientNotFoundException::new));
        em.flush();
        ClientCounts.add(em, owner.getId(), -1);
    }

    /** The next clients after the given e-mail (all of them from {@code null}), in e-mail order. */
    public List<Client> after(String email, int size) {
        User owner = accounts.getCurrent();
        String from = email == null ? "" : " and c.email > :after";
        TypedQuery<Client> query = em.createQuery(
                        "select c from Client c where c.owner = :owner" + from + " order by c.email", Client.class)
                .setParameter("owner", owner)
                .setMaxResults(size);
        if (email != null) {
            query.setParameter("after", email);
        }
        return query.getResultList();
    }

    private List<Long> ids(User owner, String search, Order order, int first, int size) {
        if (search == null || search.isBlank()) {
            return listIds(owner, order, first, size);
        }
        Optional<PrefixRange> range = PrefixRange.forIndex(em, search);
        if (range.isPresent()) {
            // offset 0 keeps the planner from walking the sort's index through the whole list when
            // the hits lie at its far end (names starting with "П" sorted by name): all hits are
            // read off the ranges and the page sorted out of them
            return hits(
                            "select id from (" + HITS + " offset 0) hits order by " + order.sql()
                                    + " offset ?4 limit ?5",
                            owner,
                            range.get())
                    .setParameter(4, first)
                    .setParameter(5, size)
                    .getResultStream()
                    .map(id -> ((Number) id).longValue())
                    .toList();
        }
        return ids(owner, search, order.jpql(), first, size);
    }

    /**
     * A page of all the owner's clients. One nearer the end than the start is read from the end in
     * the reverse order, so no page skips more than half the list (the last costs what the first does).
     */
    private List<Long> listIds(User owner, Order order, int first, int size) {
        // the kept count (0: not kept, or not needed for the first page, which is read forwards)
        long total = first == 0 ? 0 : ClientCounts.read(em, owner.getId()).orElse(0L);
        long after = total - first - size;
        if (total == 0 || after >= first) {
            return ids(owner, null, order.jpql(), first, size);
        }
        long rows = Math.min(size, total - first);
        if (rows <= 0) {
            return List.of();
        }
        List<Long> ids =
                new ArrayList<>(ids(owner, null, order.reversed().jpql(), (int) Math.max(0, after), (int) rows));
        Collections.reverse(ids);
        return ids;
    }

    private List<Long> ids(User owner, String search, String order, int first, int size) {
        return query(owner, "select c.id from Client c", " order by " + order, search, Long.class)
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
    }

    private Query hits(String sql, User owner, PrefixRange range) {
        return em.createNativeQuery(sql)
                .setParameter(1, owner.getId())
                .setParameter(2, range.from())
                .setParameter(3, range.to());
    }

    private <T> TypedQuery<T> query(User owner, String select, String order, String search, Class<T> type) {
        String where = " where c.owner = :owner";
        if (search == null || search.isBlank()) {
            return em.createQuery(select + where + order, type).setParameter("owner", owner);
        }
        return em.createQuery(select + where + SEARCH + order, type)
                .setParameter("owner", owner)
                .setParameter("pattern", LikePatterns.startingWith(search));
    }

    /** The same rules as the import's, on the values as {@link Client#change} will store them; the lengths are the entity's own. */
    private static void requireValid(String email, String fullName, String comment) {
        String normalized = EmailAddresses.normalize(email);
        if (normalized == null || normalized.isEmpty()) {
            throw new BusinessException("clients.emailRequired");
        }
        if (!EmailAddresses.isValid(normalized)) {
            throw new BusinessException("clients.emailInvalid", normalized);
        }
        if (fullName == null || fullName.isBlank()) {
            throw new BusinessException("clients.nameRequired");
        }
        if (!SingleLine.Check.isSingleLine(fullName)) {
            throw new BusinessException("clients.nameNotOneLine");
        }
    }

    /** An order of the list: a column, its direction, and the id after the column where it is not unique. */
    private record Order(String path, String column, boolean unique, boolean ascending) {

        Order direction(boolean asc) {
            return new Order(path, column, unique, asc);
        }

        Order reversed() {
            return direction(!ascending);
        }

        String jpql() {
            return by(path, "c.id");
        }

        String sql() {
            return by(column, "id");
        }

        private String by(String value, String id) {
            String direction = ascending ? " asc" : " desc";
            return unique ? value + direction : value + direction + ", " + id + direction;
        }
    }

    private void requireUnique(User owner, String email, Long exceptId) {
        boolean taken = em.createQuery(
                        "select c.id from Client c where c.owner = :owner and c.email = :email", Long.class)
                .setParameter("owner", owner)
                .setParameter("email", email)
                .getResultStream()
                .anyMatch(id -> !id.equals(exceptId));
        if (taken) {
            throw new BusinessException("clients.duplicate", email);
        }
    }
}
