package ru.rassylka.delivery;

/** Why a delivery was not sent. */
public enum SkipReason {
    UNSUBSCRIBED,
    OWNER_BLOCKED,
    MAILING_DELETED,
    MAILING_DISABLED,
    /** Failed, not skipped: the address needs SMTPUTF8 (a non-ASCII local part), which the mail server does not offer. */
    NO_SMTPUTF8
}
