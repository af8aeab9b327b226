package ru.rassylka.mail;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Empties the outbox every two seconds. Not persistent on purpose: the outbox table is the
 * record of what is due, and deployment recreates this schedule on every start. Overlapping runs
 * are harmless: each claims its own rows.
 */
@Singleton
public class OutboxTimer {

    @Inject
    private OutboxDelivery delivery;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = "mail outbox")
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void deliver() {
        delivery.deliverDue();
    }
}
