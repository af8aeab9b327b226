package ru.rassylka.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * An e-mail whose header values and body are already encoded: Jakarta Mail writes its header lines
 * and then the body's bytes as they are, like a message it has read, without building or encoding
 * anything again. An {@link SMTPMessage}, so that a return path can be its envelope sender.
 */
final class EncodedMail extends SMTPMessage {

    private String subject;

    EncodedMail(Session session) {
        super(session);
    }

    /** The subject as given, before it was encoded: the transport reads it for every e-mail and needs not decode it. */
    void subject(String given) {
        subject = given;
    }

    @Override
    public String getSubject() throws MessagingException {
        return subject != null ? subject : super.getSubject();
    }

    /** Takes the encoded body (after the header lines and their blank line); the e-mail is complete then. */
    void body(byte[] encoded) {
        content = encoded;
        modified = false;
        saved = true;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        // the Message-ID is given with the other headers
    }
}
