package ru.rassylka.message;

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
import ru.rassylka.client.Client;
import ru.rassylka.platform.BusinessException;
import ru.rassylka.platform.Settings;

/**
 * The caller's messages. Every query names the owner, so another owner's id finds nothing; the
 * owner is always the caller.
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

    /** The caller's messages that are not deleted, the last changed first. */
    public List<Message> list() {
        return em.createQuery(OWN + " order by m.updatedAt desc, m.id desc", Message.class)
                .setParameter("owner", accounts.getCurrent())
                .getResultList();
    }

    public Optional<Message> find(long id) {
        return em.createQuery(OWN + " and m.id = :id", Message.class)
                .setParameter("owner", accounts.getCurrent())
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    public Message get(long id) {
        return find(id).orElseThrow(() -> new MessageNotFoundException(id));
    }

    public Message create(MessageDraft draft) {
        requireValid(draft);
        Message message = new Message(
                accounts.getCurrent(), draft.subject().strip(), draft.body(), draft.bodyKind(), Instant.now());
        em.persist(message);
        return message;
    }

    public Message update(long id, MessageDraft draft) {
        requireValid(draft);
        Message message = get(id);
        message.change(draft.subject().strip(), draft.body(), draft.bodyKind(), Instant.now());
        return message;
    }

    /** Hides the message from lists and choices; mailings that use it keep it. */
    public void delete(long id) {
        get(id).delete(Instant.now());
    }

    /** The draft as the caller's first client would get it, or a sample person when there is none. */
    public MessagePreview preview(MessageDraft draft) {
        TemplateValues values = em.createQuery(
                        "select c from Client c where c.owner = :owner order by c.createdAt, c.id", Client.class)
                .setParameter("owner", accounts.getCurrent())
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
            throw new BusinessException(
                    "messages.badPlaceholders",
                    String.join(
                            ", ", problems.stream().map(TemplateProblem::token).toList()),
                    MessageDraft.knownPlaceholders());
        }
    }
}
