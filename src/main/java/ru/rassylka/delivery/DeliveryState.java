package ru.rassylka.delivery;

/** Where one e-mail to one recipient of a run stands. */
public enum DeliveryState {
    /** Waiting for its first attempt. */
    PENDING,
    /** Claimed by an instance, whose lease keeps others off until it ends. */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** A temporary failure; tried again after a back-off. */
    RETRY,
    /** A permanent failure, or the last allowed attempt failed. */
    FAILED,
    /** Not sent on purpose; the reason says why. */
    SKIPPED;

    public boolean isFinal() {
        return this == SENT || this == FAILED || this == SKIPPED;
    }
}
