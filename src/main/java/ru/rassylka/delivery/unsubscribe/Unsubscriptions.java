package ru.rassylka.delivery.unsubscribe;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;
import ru.rassylka.client.Client;
import ru.rassylka.client.suppression.Suppression;
import ru.rassylka.client.suppression.SuppressionList;
import ru.rassylka.client.suppression.SuppressionReason;
import ru.rassylka.delivery.Delivery;
import ru.rassylka.delivery.MailingRun;
import ru.rassylka.delivery.engine.RunEnd;

/**
 * The unsubscribe link of an e-mail: its token names the delivery, and through it the client of
 * the mailing's owner. Anyone holding the link may use it (that is its purpose); nothing else is
 * revealed than the address it was sent to.
 */
@Stateless
@PermitAll
public class Unsubscriptions {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private UnsubscribeKeys keys;

    @Inject
    private RunEnd runEnd;

    @Inject
    private SuppressionList suppressions;

    @Inject
    private Logger logger;

    /** The delivery of a genuine token, or empty. */
    public Optional<Delivery> find(String token) {
        OptionalLong id = keys.tokens().deliveryOf(token);
        return id.isPresent() ? Optional.ofNullable(em.find(Delivery.class, id.getAsLong())) : Optional.empty();
    }

    /**
     * Marks the client of the token's delivery unsubscribed for that owner and skips what still
     * waits for it; answers the address, or empty for a bad token.
     */
    public Optional<String> unsubscribe(String token) {
        Optional<Delivery> delivery = find(token);
        delivery.ifPresent(found -> {
            Client client = em.find(Client.class, found.getClientId());
            if (client != null && !client.isUnsubscribed()) {
                client.unsubscribe(Instant.now());
                em.flush();
                runEnd.skipClient(client.getId(), Instant.now());
                logger.info(() -> "Client " + client.getId() + " unsubscribed through delivery " + found.getId());
            }
            MailingRun run = em.find(MailingRun.class, found.getRunId());
            suppressions.add(
                    run.getOwnerId(),
                    found.getEmail(),
                    SuppressionReason.UNSUBSCRIBED,
                    new Suppression.Cause(found.getRunId(), found.getId(), null, null),
                    Instant.now());
        });
        return delivery.map(Delivery::getEmail);
    }
}
