package ru.rassylka.mailing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ru.rassylka.account.Accounts;
import ru.rassylka.account.Role;
import ru.rassylka.account.User;
import ru.rassylka.client.Client;
import ru.rassylka.client.ClientService;
import ru.rassylka.message.Message;
import ru.rassylka.platform.BusinessException;
import ru.rassylka.platform.persistence.LikePatterns;

/**
 * The caller's mailings. Every query names the owner, so another owner's mailing, message or
 * client id finds nothing; the owner is always the caller.
 */
@Stateless
@RolesAllowed(Role.Names.USER)
public class MailingService {

    static final int SUGGESTIONS_MAX = 20;

    private static final String OWN =
            "select m from Mailing m join fetch m.message where m.owner = :owner and m.deletedAt is null";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Accounts accounts;

    @Inject
    private ClientService clients;

    @Inject
    private Event<MailingScheduled> scheduled;

    /** The caller's mailings that are not deleted, the newest first. */
    public List<Mailing> list() {
        return em.createQuery(OWN + " order by m.createdAt desc, m.id desc", Mailing.class)
                .setParameter("owner", accounts.getCurrent())
                .getResultList();
    }

    /** The caller's mailing with its recipients loaded, or empty for a deleted or another owner's one. */
    public Optional<Mailing> find(long id) {
        return find(accounts.getCurrent(), id);
    }

    /** The caller's mailing with its recipients loaded; MailingNotFoundException for a deleted or another owner's one. */
    public Mailing get(long id) {
        return get(accounts.getCurrent(), id);
    }

    private Optional<Mailing> find(User owner, long id) {
        Optional<Mailing> mailing = em.createQuery(OWN + " and m.id = :id", Mailing.class)
                .setParameter("owner", owner)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
        mailing.ifPresent(found -> found.getRecipients().size());
        return mailing;
    }

    private Mailing get(User owner, long id) {
        return find(owner, id).orElseThrow(() -> new MailingNotFoundException(id));
    }

    /** A new mailing; its first send must lie in the future of the owner's wall clock. */
    public Mailing create(MailingPlan plan) {
        User owner = accounts.getCurrent();
        Instant now = Instant.now();
        Mailing mailing = new Mailing(owner, now);
        apply(owner, mailing, plan, null, now);
        em.persist(mailing);
        return rescheduled(mailing);
    }

    /** Changes what and when to send; sends already made stay as they were, the next one is recomputed. */
    public Mailing update(long id, MailingPlan plan) {
        User owner = accounts.getCurrent();
        Mailing mailing = get(owner, id);
        boolean sameZone = mailing.getTimeZone().equals(owner.zone().getId());
        apply(owner, mailing, plan, sameZone ? mailing.getFirstSend() : null, Instant.now());
        return rescheduled(mailing);
    }

    /** Hides the mailing and stops its sends; the row and its history stay for statistics. */
    public void delete(long id) {
        Mailing mailing = get(accounts.getCurrent(), id);
        mailing.delete(Instant.now());
        rescheduled(mailing);
    }

    public void pause(long id) {
        Mailing mailing = get(accounts.getCurrent(), id);
        mailing.pause(Instant.now());
        rescheduled(mailing);
    }

    public void resume(long id) {
        Mailing mailing = get(accounts.getCurrent(), id);
        mailing.resume(Instant.now());
        rescheduled(mailing);
    }

    /** The messages a mailing may send: the caller's, not deleted. */
    public List<Message> messageChoices() {
        return em.createQuery(
                        "select m from Message m where m.owner = :owner and m.deletedAt is null order by m.subject, m.id",
                        Message.class)
                .setParameter("owner", accounts.getCurrent())
                .getResultList();
    }

    public Optional<Message> findMessage(long id) {
        return findMessage(accounts.getCurrent(), id);
    }

    private Optional<Message> findMessage(User owner, long id) {
        return em.createQuery(
                        "select m from Message m where m.owner = :owner and m.deletedAt is null and m.id = :id",
                        Message.class)
                .setParameter("owner", owner)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    public Optional<Client> findClient(long id) {
        return clients.find(id);
    }

    /** Up to 20 of the caller's subscribed clients whose e-mail or name starts with the prefix. */
    public List<Client> suggestClients(String prefix) {
        String pattern = LikePatterns.startingWith(prefix);
        return em.createQuery(
                        "select c from Client c where c.owner = :owner and c.unsubscribedAt is null"
                                + " and (c.email like :pattern escape '\\' or lower(c.fullName) like :pattern escape '\\')"
                                + " order by c.email",
                        Client.class)
                .setParameter("owner", accounts.getCurrent())
                .setParameter("pattern", pattern)
                .setMaxResults(SUGGESTIONS_MAX)
                .getResultList();
    }

    /** The sending trigger follows the mailing's next occurrence, in this transaction. */
    private Mailing rescheduled(Mailing mailing) {
        scheduled.fire(new MailingScheduled(mailing.getId(), mailing.getNextRunAt()));
        return mailing;
    }

    private void apply(User owner, Mailing mailing, MailingPlan plan, LocalDateTime previousFirstSend, Instant now) {
        plan.problem(owner.zone(), now, previousFirstSend).ifPresent(key -> {
            throw new BusinessException(key);
        });
        Message message = findMessage(owner, plan.messageId())
                .orElseThrow(() -> new BusinessException("mailings.unknownMessage"));
        Set<Client> chosen = plan.allClients() ? Set.of() : ownClients(owner, plan.clientIds());
        mailing.plan(plan.name().strip(), message, plan.schedule(owner.zone()), now);
        mailing.sendTo(plan.allClients(), chosen);
    }

    /** The owner's clients with these ids; any id that is not the owner's refuses the whole plan. */
    private Set<Client> ownClients(User owner, Set<Long> ids) {
        List<Client> found = em.createQuery(
                        "select c from Client c where c.owner = :owner and c.id in :ids", Client.class)
                .setParameter("owner", owner)
                .setParameter("ids", ids)
                .getResultList();
        if (found.size() != ids.size()) {
            throw new BusinessException("mailings.unknownClient");
        }
        return new HashSet<>(found);
    }
}
