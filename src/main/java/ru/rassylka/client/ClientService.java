package ru.rassylka.client;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rassylka.account.Accounts;
import ru.rassylka.account.Role;
import ru.rassylka.account.User;
import ru.rassylka.platform.BusinessException;
import ru.rassylka.platform.persistence.LikePatterns;
import ru.rassylka.platform.validation.SingleLine;

/**
 * The caller's clients: pages of the list, create, change, delete. Every query names the owner,
 * so another owner's id finds nothing; the owner is always the caller.
 */
@Stateless
@RolesAllowed(Role.Names.USER)
public class ClientService {

    /** Sortable columns: the view's field name → the JPQL path; each has an (owner, column, id) index. */
    private static final Map<String, String> SORTABLE = Map.of(
            "email", "c.email",
            "fullName", "c.fullName",
            "createdAt", "c.createdAt");
    // A prefix search, so that the (owner_id, email) and (owner_id, lower(full_name)) indexes serve it
    private static final String SEARCH = " and (c.email like :pattern escape '\\' or lower(c.fullName) like :pattern escape '\\')";

    /** Up to how many hits a search is counted exactly. */
    public static final int COUNT_CAP = 10_000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Accounts accounts;

    public List<Client> page(String search, String sortField, boolean ascending, int first, int size) {
        User owner = accounts.getCurrent();
        String column = sortField == null ? null : SORTABLE.get(sortField);
        String direction = ascending ? " asc" : " desc";
        // The e-mail is unique per owner and needs no tie-breaker; the id keeps other orders stable
        String order = column == null ? "c.createdAt" + direction + ", c.id" + direction
                : column.equals("c.email") ? column + direction
                : column + direction + ", c.id" + direction;
        // The page's ids first: deep into a million rows they come off the list index alone, and
        // only the rows shown are read from the table
        List<Long> ids = query(owner, "select c.id from Client c", " order by " + order, search, Long.class)
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c from Client c where c.id in :ids order by " + order, Client.class)
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
                    .orElseGet(() -> query(owner, "select count(c) from Client c", "", null, Long.class).getSingleResult());
        }
        String pattern = LikePatterns.startingWith(search);
        Number capped = (Number) em.createNativeQuery("select count(*) from (select 1 from client where owner_id = ?"
                        + " and (email like ? escape '\\' or lower(full_name) like ? escape '\\') limit " + (COUNT_CAP + 1) + ") hits")
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

    private void requireUnique(User owner, String email, Long exceptId) {
        boolean taken = em.createQuery("select c.id from Client c where c.owner = :owner and c.email = :email", Long.class)
                .setParameter("owner", owner)
                .setParameter("email", email)
                .getResultStream()
                .anyMatch(id -> !id.equals(exceptId));
        if (taken) {
            throw new BusinessException("clients.duplicate", email);
        }
    }
}
