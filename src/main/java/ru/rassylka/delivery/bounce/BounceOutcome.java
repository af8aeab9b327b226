package ru.rassylka.delivery.bounce;

/** What applying a report changed. */
public enum BounceOutcome {
    /** Recorded on its delivery; the suppression list changed as the rules say. */
    RECORDED,
    /** The same report for the same delivery was already recorded (a message read twice). */
    ALREADY_RECORDED,
    /** An auto-reply or no report at all: nothing changes. */
    IGNORED,
    /** No return path token, a forged one, or one of a delivery that does not exist: nothing changes. */
    NO_DELIVERY
}
