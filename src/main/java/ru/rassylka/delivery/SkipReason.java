package ru.rassylka.delivery;

/** Why a delivery was not sent. */
public enum SkipReason {
    UNSUBSCRIBED,
    OWNER_BLOCKED,
    MAILING_DELETED,
    MAILING_DISABLED,
    /** Failed, not skipped: the address needs SMTPUTF8 (a non-ASCII local part), which the mail server does not offer. */
    NO_SMTPUTF8,
    /** On the owner's suppression list, or failed after the send: a report or the server said the address does not exist. */
    HARD_BOUNCE,
    /** Failed after the send: a report of a temporary bounce came back. */
    SOFT_BOUNCE,
    /** On the owner's suppression list: temporary bounces, three within 30 days. */
    SOFT_BOUNCES,
    /** On the owner's suppression list: the recipient complained about an e-mail (marked it as spam). */
    COMPLAINT,
    /** On the owner's suppression list: added by the owner. */
    MANUAL
}
