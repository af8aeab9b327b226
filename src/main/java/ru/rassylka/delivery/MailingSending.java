package ru.rassylka.delivery;

/**
 * The one statement that writes {@code mailing.sending}: a mailing is sending while one of its runs
 * is unfinished. Run when a run starts and when one ends (JDBC parameter: that run's id).
 */
public final class MailingSending {

    public static final String UPDATE = "update mailing set sending = exists (select 1 from mailing_run r"
            + " where r.mailing_id = mailing.id and r.finished_at is null) where id = (select mailing_id from mailing_run where id = ?)";

    private MailingSending() {}
}
