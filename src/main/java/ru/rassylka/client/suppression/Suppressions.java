package ru.rassylka.client.suppression;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rassylka.account.Accounts;
import ru.rassylka.account.Role;
import ru.rassylka.client.EmailAddresses;
import ru.rassylka.platform.BusinessException;
import ru.rassylka.platform.csv.CsvWriter;
import ru.rassylka.platform.persistence.LikePatterns;

/** The caller's suppression list: search, add by hand, remove (a complaint only when confirmed), export. */
@Stateless
@RolesAllowed(Role.Names.USER)
public class Suppressions {

    private static final String SEARCH =
            " and (s.address like :pattern escape '\\' or s.addressUnicode like :pattern escape '\\')";
    private static final Map<String, String> SORTABLE =
            Map.of("address", "s.address", "reason", "s.reason", "createdAt", "s.createdAt");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Accounts accounts;

    @Inject
    private SuppressionList list;

    public long count(String search) {
        TypedQuery<Long> query = em.createQuery(
                "select count(s) from Suppression s where s.ownerId = :owner" + (blank(search) ? "" : SEARCH),
                Long.class);
        return searching(query, search).getSingleResult();
    }

    /** A page of the caller's entries whose address contains the search text, newest first unless sorted otherwise. */
    public List<Suppression> page(String search, String sortField, boolean ascending, int first, int size) {
        String order = Optional.ofNullable(sortField)
                .map(SORTABLE::get)
                .map(field -> field + (ascending ? " asc" : " desc") + ", s.id")
                .orElse("s.createdAt desc, s.id desc");
        TypedQuery<Suppression> query = em.createQuery(
                "select s from Suppression s where s.ownerId = :owner" + (blank(search) ? "" : SEARCH) + " order by "
                        + order,
                Suppression.class);
        return searching(query, search)
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
    }

    /** Adds an address by hand; one already listed keeps its entry. */
    public Suppression add(String address) {
        String normalized = EmailAddresses.normalize(address);
        if (!EmailAddresses.isValid(normalized)
                || SuppressedAddress.of(normalized).isEmpty()) {
            throw new BusinessException("suppressions.invalidAddress");
        }
        long owner = owner();
        SuppressedAddress key = SuppressedAddress.of(normalized).get();
        boolean listed = !em.createNamedQuery(Suppression.OF_ADDRESS, Suppression.class)
                .setParameter("owner", owner)
                .setParameter("address", key.ascii())
                .getResultList()
                .isEmpty();
        if (listed) {
            throw new BusinessException("suppressions.alreadyListed", key.ascii());
        }
        return list.add(owner, normalized, SuppressionReason.MANUAL, Suppression.Cause.BY_HAND, Instant.now())
                .orElseThrow();
    }

    /**
     * Removes one of the caller's entries, so later runs send to the address again; an entry of a
     * complaint only when {@code complaintConfirmed}, since mailing someone who complained harms
     * every later mailing's delivery.
     */
    public void remove(long id, boolean complaintConfirmed) {
        Suppression entry = em.createNamedQuery(Suppression.BY_ID, Suppression.class)
                .setParameter("owner", owner())
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new BusinessException("suppressions.notFound"));
        if (entry.getReason() == SuppressionReason.COMPLAINT && !complaintConfirmed) {
            throw new BusinessException("suppressions.complaintNeedsConfirmation", entry.getAddress());
        }
        em.remove(entry);
    }

    /** The caller's whole list as CSV: address, reason, date, the run and delivery that caused it, status and text. */
    public void export(OutputStream output) throws IOException {
        try (CsvWriter csv = new CsvWriter(
                output, "email", "reason", "created_at", "run_id", "delivery_id", "status_code", "diagnostic")) {
            List<Suppression> entries = em.createNamedQuery(Suppression.ALL, Suppression.class)
                    .setParameter("owner", owner())
                    .getResultList();
            for (Suppression entry : entries) {
                csv.write(
                        entry.getAddress(),
                        entry.getReason().name(),
                        entry.getCreatedAt().toString(),
                        entry.getRunId(),
                        entry.getDeliveryId(),
                        entry.getStatusCode(),
                        entry.getDiagnostic());
            }
        }
    }

    /** How many of the addresses are on the caller's list (the domain written either way). */
    public long countListed(List<String> addresses) {
        if (addresses.isEmpty()) {
            return 0;
        }
        List<String> keys = addresses.stream()
                .map(SuppressedAddress::of)
                .flatMap(Optional::stream)
                .map(SuppressedAddress::ascii)
                .distinct()
                .toList();
        long listed = 0;
        for (int from = 0; from < keys.size(); from += 1000) {
            listed += em.createQuery(
                            "select count(s) from Suppression s where s.ownerId = :owner and s.address in :addresses",
                            Long.class)
                    .setParameter("owner", owner())
                    .setParameter("addresses", keys.subList(from, Math.min(keys.size(), from + 1000)))
                    .getSingleResult();
        }
        return listed;
    }

    private <T> TypedQuery<T> searching(TypedQuery<T> query, String search) {
        query.setParameter("owner", owner());
        if (!blank(search)) {
            query.setParameter("pattern", LikePatterns.containing(search));
        }
        return query;
    }

    private long owner() {
        return accounts.getCurrent().getId();
    }

    private static boolean blank(String search) {
        return search == null || search.isBlank();
    }
}
