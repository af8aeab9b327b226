package ru.rassylka.manage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import ru.rassylka.account.Accounts;
import ru.rassylka.account.Role;
import ru.rassylka.mailing.Mailing;
import ru.rassylka.mailing.MailingScheduled;
import ru.rassylka.platform.BusinessException;
import ru.rassylka.platform.persistence.LikePatterns;

/**
 * What a manager may do to mailings: see every user's mailings that are not deleted, disable one
 * with a reason, and enable it again. Nothing else: editing and deleting stay with the owner.
 */
@Stateless
@RolesAllowed(Role.Names.MANAGER)
public class AllMailings {

    /** Sortable columns: the view's field name → the JPQL path. */
    private static final Map<String, String> SORTABLE = Map.of(
            "name", "m.name",
            "owner", "o.email",
            "nextRunAt", "m.nextRunAt",
            "createdAt", "m.createdAt");

    private static final String FROM = " from Mailing m join m.owner o where m.deletedAt is null";
    private static final String SEARCH =
            " and (o.email like :pattern escape '\\' or lower(m.name) like :pattern escape '\\')";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Accounts accounts;

    @Inject
    private Event<MailingScheduled> scheduled;

    public List<Mailing> page(String search, String sortField, boolean ascending, int first, int size) {
        String column = sortField == null ? null : SORTABLE.get(sortField);
        String order = (column == null ? "m.createdAt" : column) + (ascending ? " asc" : " desc") + ", m.id";
        return query("select m" + FROM, " order by " + order, search, Mailing.class)
                .setHint("eclipselink.join-fetch", "m.owner")
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
    }

    public int count(String search) {
        return query("select count(m)" + FROM, "", search, Long.class)
                .getSingleResult()
                .intValue();
    }

    /** Stops the mailing's sends until a manager enables it; the owner sees who did and why. */
    public void disable(long mailingId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("manage.mailings.reasonRequired");
        }
        String trimmed = reason.strip();
        find(mailingId)
                .disable(
                        accounts.getCurrent(),
                        trimmed.substring(0, Math.min(trimmed.length(), Mailing.REASON_MAX)),
                        Instant.now());
    }

    /** Lets the mailing send again from its next occurrence. */
    public void enable(long mailingId) {
        Mailing mailing = find(mailingId);
        mailing.enable(Instant.now());
        scheduled.fire(new MailingScheduled(mailing.getId(), mailing.getNextRunAt()));
    }

    private Mailing find(long mailingId) {
        Mailing mailing = em.find(Mailing.class, mailingId);
        if (mailing == null || mailing.isDeleted()) {
            throw new BusinessException("manage.mailings.notFound");
        }
        return mailing;
    }

    private <T> TypedQuery<T> query(String select, String order, String search, Class<T> type) {
        if (search == null || search.isBlank()) {
            return em.createQuery(select + order, type);
        }
        return em.createQuery(select + SEARCH + order, type).setParameter("pattern", LikePatterns.containing(search));
    }
}
