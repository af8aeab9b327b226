package ru.rassylka.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * An address of the e-mail needs SMTPUTF8 and the mail server did not offer it in its EHLO reply:
 * the e-mail is not sent. Permanent: the same server gives the same answer next time.
 */
public class Smtputf8NotOffered extends MessagingException {

    private static final long serialVersionUID = 1L;

    /** The reason as it is recorded, in English like the servers' own replies; the pages show it translated. */
    public static final String REASON = "The mail server does not accept international addresses (SMTPUTF8)";

    private final boolean sender;

    public Smtputf8NotOffered(boolean sender) {
        super(REASON + (sender ? ": the sender's address needs it" : ""));
        this.sender = sender;
    }

    /** Whether it is the sender's address (so no e-mail can go) rather than the recipient's. */
    public boolean isSender() {
        return sender;
    }

    /** Throws unless the connected server offered SMTPUTF8. */
    public static void requireOffered(Transport transport, boolean sender) throws Smtputf8NotOffered {
        if (!(transport instanceof SMTPTransport smtp && smtp.supportsExtension("SMTPUTF8"))) {
            throw new Smtputf8NotOffered(sender);
        }
    }
}
