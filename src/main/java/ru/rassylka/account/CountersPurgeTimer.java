package ru.rassylka.account;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Every ten minutes removes the counts of account e-mails and failed logins that count nothing any
 * more, so the tables hold only the last hour instead of every address ever seen. Not persistent on
 * purpose: each row carries its own expiry and expired rows are ignored anyway, so a missed or
 * doubled run (or every instance running it) changes nothing, and deployment recreates the schedule
 * on every start.
 */
@Singleton
public class CountersPurgeTimer {

    @Inject
    private MailQuotas quotas;

    @Inject
    private LoginGuard guard;

    @Schedule(hour = "*", minute = "*/10", persistent = false, info = "expired abuse counters")
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge() {
        quotas.purgeExpired();
        guard.purgeForgotten();
    }
}
