package ru.rassylka.delivery;

/** Why a delivery was not sent. */
public enum SkipReason {
    UNSUBSCRIBED,
    OWNER_BLOCKED,
    MAILING_DELETED,
    MAILING_DISABLED
}
