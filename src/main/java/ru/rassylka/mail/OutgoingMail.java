package ru.rassylka.mail;

import java.util.Objects;

/** One e-mail to one recipient, with a plain-text body and an optional HTML alternative. */
public record OutgoingMail(String to, String subject, String text, String html) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    public static OutgoingMail plain(String to, String subject, String text) {
        return new OutgoingMail(to, subject, text, null);
    }
}
