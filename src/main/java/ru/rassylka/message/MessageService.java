package ru.rassylka.message;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ru.rassylka.account.Accounts;
import ru.rassylka.account.Role;
import ru.rassylka.account.User;
import ru.rassylka.client.Client;
import ru.rassylka.platform.BusinessException;
import ru.rassylka.platform.Settings;

/**
 * The caller's messages. Every query names the owner, so another owner's id finds nothing. The
 * methods taking the owner serve the caller-based ones (and tests); pages use only the latter.
 */
@Stateless
@RolesAllowed(Role.Names.USER)
public class MessageService {

    /** Who a preview is addressed to when the owner has no clients yet. */
    public static final String SAMPLE_NAME = "Иван Иванов";
    public static final String SAMPLE_EMAIL = "ivan@example.org";

    private static final String OWN = "select m from Message m where m.owner = :owner and m.deletedAt is null";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Accounts accounts;

    @Inject
    private Settings settings;

    public List<Message> list() {
        return list(accounts.getCurrent());
    }

    public Optional<Message> find(long id) {
        return find(accounts.getCurrent(), id);
    }

    public Message get(long id) {
        return get(accounts.getCurrent(), id);
    }

    public Message create(MessageDraft draft) {
        return create(accounts.getCurrent(), draft);
    }

    public Message update(long id, MessageDraft draft) {
        return update(accounts.getCurrent(), id, draft);
    }

    public void delete(long id) {
        delete(accounts.getCurrent(), id);
    }

    public MessagePreview preview(MessageDraft draft) {
        return preview(accounts.getCurrent(), draft);
    }

    /** The owner's messages that are not deleted, the last changed first. */
    @PermitAll
    public List<Message> list(User owner) {
        return em.createQuery(OWN + " order by m.updatedAt desc, m.id desc", Message.class)
                .setParameter("owner", owner)
                .getResultList();
    }

    @PermitAll
    public Optional<Message> find(User owner, long id) {
        return em.createQuery(OWN + " and m.id = :id", Message.class)
                .setParameter("owner", owner)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    @PermitAll
    public Message get(User owner, long id) {
        return find(owner, id).orElseThrow(() -> new MessageNotFoundException(id));
    }

    @PermitAll
    public Message create(User owner, MessageDraft draft) {
        requireValid(draft);
        Message message = new Message(owner, draft.subject().strip(), draft.body(), draft.bodyKind(), Instant.now());
        em.persist(message);
        return message;
    }

    @PermitAll
    public Message update(User owner, long id, MessageDraft draft) {
        requireValid(draft);
        Message message = get(owner, id);
        message.change(draft.subject().strip(), draft.body(), draft.bodyKind(), Instant.now());
        return message;
    }

    /** Hides the message from lists and choices; mailings that use it keep it. */
    @PermitAll
    public void delete(User owner, long id) {
        get(owner, id).delete(Instant.now());
    }

    /** The draft as the owner's first client would get it, or a sample person when there is none. */
    @PermitAll
    public MessagePreview preview(User owner, MessageDraft draft) {
        TemplateValues values = em.createQuery("select c from Client c where c.owner = :owner order by c.createdAt, c.id", Client.class)
                .setParameter("owner", owner)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(client -> new TemplateValues(client.getFullName(), client.getEmail(), sampleUnsubscribeUrl()))
                .orElseGet(() -> new TemplateValues(SAMPLE_NAME, SAMPLE_EMAIL, sampleUnsubscribeUrl()));
        return MessagePreview.of(draft, values);
    }

    private String sampleUnsubscribeUrl() {
        return settings.baseUrl() + "/unsubscribe?token=preview";
    }

    /** The same rules as the form, for callers that bypass it; the lengths are the entity's own constraints. */
    private static void requireValid(MessageDraft draft) {
        if (draft.subject() == null || draft.subject().isBlank()) {
            throw new BusinessException("messages.subjectRequired");
        }
        if (draft.body() == null || draft.body().isBlank()) {
            throw new BusinessException("messages.bodyRequired");
        }
        if (draft.bodyKind() == null) {
            throw new BusinessException("messages.kindRequired");
        }
        List<TemplateProblem> problems = draft.problems();
        if (!problems.isEmpty()) {
            throw new BusinessException("messages.badPlaceholders",
                    String.join(", ", problems.stream().map(TemplateProblem::token).toList()), MessageDraft.knownPlaceholders());
        }
    }
}
