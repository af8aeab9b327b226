package ru.rassylka.delivery.bounce;

/**
 * What a message read back from the bounce mailbox says about a delivery.
 *
 * <p>{@link #HARD} means the address itself is bad (unknown user, mailbox or domain) and may be
 * suppressed at once. {@link #SOFT} is every other failure, temporary (4.x.x) or permanent for
 * another reason (spam, policy, blocked, a full or disabled mailbox, a message too big): such a
 * refusal is not a reason to suppress an address forever. {@link #COMPLAINT} is an abuse report
 * (ARF), {@link #AUTO_REPLY} a vacation or other automatic answer (RFC 3834, read receipts) to be
 * ignored, and {@link #NOT_A_REPORT} anything else, including notices that an e-mail was delivered
 * or relayed.
 */
public enum BounceClass {
    HARD,
    SOFT,
    COMPLAINT,
    AUTO_REPLY,
    NOT_A_REPORT
}
