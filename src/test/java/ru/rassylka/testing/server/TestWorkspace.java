package ru.rassylka.testing.server;

import static ru.rassylka.testing.server.Callers.as;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;
import ru.rassylka.account.User;
import ru.rassylka.client.Client;
import ru.rassylka.client.ClientCounts;
import ru.rassylka.mailing.Mailing;
import ru.rassylka.mailing.MailingPlan;
import ru.rassylka.mailing.MailingService;
import ru.rassylka.mailing.Periodicity;
import ru.rassylka.message.BodyKind;
import ru.rassylka.message.Message;
import ru.rassylka.message.MessageDraft;
import ru.rassylka.message.MessageService;

/**
 * Prepares and inspects clients, messages and mailings for tests, by the owner's e-mail and
 * regardless of who asks; exists only in test deployments.
 */
@Stateless
@PermitAll
public class TestWorkspace {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MessageService messages;

    @Inject
    private MailingService mailings;

    public void setTimeZone(String ownerEmail, String zone) {
        owner(ownerEmail).setTimeZone(zone);
    }

    public Client createClient(String ownerEmail, String email, String fullName) {
        Client client = new Client(owner(ownerEmail), email, fullName, null, Instant.now());
        em.persist(client);
        em.flush();
        ClientCounts.add(em, client.getOwner().getId(), 1);
        return client;
    }

    public Message createMessage(String ownerEmail, String subject, String body) {
        return as(owner(ownerEmail), () -> messages.create(new MessageDraft(subject, body, BodyKind.guess(body))));
    }

    /** A mailing to all the owner's clients, or to the given ones. */
    public Mailing createMailing(
            String ownerEmail,
            String name,
            long messageId,
            Set<Long> clientIds,
            LocalDateTime firstSend,
            Periodicity periodicity) {
        boolean all = clientIds == null || clientIds.isEmpty();
        MailingPlan plan = new MailingPlan(name, messageId, all, clientIds, firstSend, periodicity, null);
        return as(owner(ownerEmail), () -> mailings.create(plan));
    }

    /** As if the sending engine had run the scheduled occurrence at {@code occurrence}. */
    public void occurrenceRan(long mailingId, Instant occurrence, Instant now) {
        em.createQuery("update Mailing m set m.lastOccurrenceAt = :at where m.id = :id")
                .setParameter("at", occurrence)
                .setParameter("id", mailingId)
                .executeUpdate();
        em.clear();
        em.find(Mailing.class, mailingId).reschedule(now);
    }

    /** The mailing as stored, deleted or not, with its recipients and owner loaded. */
    public Mailing mailing(long id) {
        Mailing mailing = em.find(Mailing.class, id);
        if (mailing != null) {
            mailing.getRecipients().size();
            mailing.getOwner().getEmail();
        }
        return mailing;
    }

    /** The message as stored, deleted or not. */
    public Message message(long id) {
        return em.find(Message.class, id);
    }

    /** All mailings of the owner as stored, deleted ones included. */
    public long mailingRows(String ownerEmail) {
        return em.createQuery("select count(m) from Mailing m where m.owner = :owner", Long.class)
                .setParameter("owner", owner(ownerEmail))
                .getSingleResult();
    }

    /** A one-line picture of the mailing's state, to see that nothing changed. */
    public String describe(long mailingId) {
        Mailing m = mailing(mailingId);
        return m.getName() + "|" + m.getMessage().getId() + "|" + m.isAllClients() + "|"
                + m.getRecipients().size()
                + "|" + m.getFirstSend() + "|" + m.getPeriodicity() + "|" + m.getEndDate() + "|" + m.getNextRunAt()
                + "|" + m.isPaused() + "|" + m.isDisabled() + "|" + m.isDeleted();
    }

    /** A one-line picture of the message's state. */
    public String describeMessage(long messageId) {
        Message m = message(messageId);
        return m.getSubject() + "|" + m.getBody() + "|" + m.getBodyKind() + "|" + m.isDeleted() + "|"
                + m.getUpdatedAt();
    }

    private User owner(String email) {
        return em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", User.normalizeEmail(email))
                .getSingleResult();
    }
}
