package ru.rassylka.mail;

import jakarta.mail.MessagingException;

/**
 * An e-mail was not sent because the step before its final dot failed: the server never got the dot
 * and the connection was dropped, so the e-mail did not reach the server.
 */
public final class FinalDotWithheld extends MessagingException {

    public FinalDotWithheld(Exception cause) {
        super("The e-mail was withheld before its final dot: " + rootOf(cause).getMessage(), cause);
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
