package ru.rassylka.bounce;

/** What a message in the bounce mailbox says about the delivery it names. */
public enum BounceClass {
    HARD,
    SOFT,
    COMPLAINT,
    AUTO_REPLY,
    NOT_A_REPORT
}
