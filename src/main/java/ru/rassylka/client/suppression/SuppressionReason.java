package ru.rassylka.client.suppression;

/** Why an address is on an owner's suppression list. */
public enum SuppressionReason {
    /** The recipient used the unsubscribe link. */
    UNSUBSCRIBED,
    /** A report or the recipient's server said the address does not exist. */
    HARD_BOUNCE,
    /** Three temporary bounces within 30 days ({@code bounce.Bounces}). */
    SOFT_BOUNCES,
    /** The recipient marked an e-mail as spam; removed only after the owner confirms. */
    COMPLAINT,
    /** Added by the owner. */
    MANUAL
}
