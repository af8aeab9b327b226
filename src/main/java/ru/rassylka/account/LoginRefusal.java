package ru.rassylka.account;

/** Why a login was refused; the first two share one message so no answer tells whether an e-mail is registered. */
public enum LoginRefusal {
    BAD_CREDENTIALS,
    LOCKED,
    UNVERIFIED,
    BLOCKED
}
