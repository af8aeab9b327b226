package ru.rassylka.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import ru.rassylka.mail.Smtputf8NotOffered;

/**
 * Sorts SMTP failures: 4xx replies and connection trouble (refused, reset, timeouts) are
 * temporary and tried again; 5xx replies, invalid addresses and an address that needs SMTPUTF8
 * where the server does not offer it are permanent.
 */
public final class FailureClassifier {

    static final int REPLY_MAX = 1000;

    private FailureClassifier() {}

    /** The verdict on a reply code the server gave, with its text. */
    public static Verdict ofReply(int code, String reply) {
        if (code >= 200 && code < 300) {
            return Verdict.sent(code, clip(reply));
        }
        if (code >= 400 && code < 500) {
            return new Verdict(DeliveryState.RETRY, code, clip(reply), false);
        }
        if (code >= 500 && code < 600) {
            return new Verdict(DeliveryState.FAILED, code, clip(reply), false);
        }
        // no usable reply: the conversation broke off
        return new Verdict(DeliveryState.RETRY, 0, clip(reply), true);
    }

    /** The verdict on an exception thrown by connecting or sending. */
    public static Verdict of(Exception failure) {
        if (find(failure, Smtputf8NotOffered.class) != null) {
            return new Verdict(DeliveryState.FAILED, 0, Smtputf8NotOffered.REASON, false, SkipReason.NO_SMTPUTF8);
        }
        SMTPAddressFailedException address = find(failure, SMTPAddressFailedException.class);
        if (address != null) {
            return ofReply(address.getReturnCode(), address.getMessage());
        }
        SMTPSendFailedException send = find(failure, SMTPSendFailedException.class);
        if (send != null && send.getReturnCode() > 0) {
            return ofReply(send.getReturnCode(), send.getMessage());
        }
        if (find(failure, AddressException.class) != null) {
            return new Verdict(DeliveryState.FAILED, 0, clip("Invalid address: " + failure.getMessage()), false);
        }
        if (failure instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                && sendFailed.getInvalidAddresses().length > 0 && find(failure, IOException.class) == null) {
            return new Verdict(DeliveryState.FAILED, 0, clip(describe(failure)), false);
        }
        if (find(failure, MailConnectException.class) != null || find(failure, ConnectException.class) != null
                || find(failure, UnknownHostException.class) != null || find(failure, SocketException.class) != null
                || find(failure, InterruptedIOException.class) != null || find(failure, IOException.class) != null) {
            return new Verdict(DeliveryState.RETRY, 0, clip(describe(failure)), true);
        }
        if (failure instanceof MessagingException) {
            // e.g. "[EOF]" or a reply Jakarta Mail could not parse: the connection is not usable
            return new Verdict(DeliveryState.RETRY, 0, clip(describe(failure)), true);
        }
        return new Verdict(DeliveryState.FAILED, 0, clip(describe(failure)), false);
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = nextOf(t)) {
            if (!text.isEmpty()) {
                text.append(": ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(' ').append(t.getMessage());
            }
        }
        return text.toString();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = nextOf(t)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    // MessagingException chains through getNextException, which getCause also returns
    private static Throwable nextOf(Throwable t) {
        Throwable next = t.getCause();
        return next == t ? null : next;
    }

    static String clip(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= REPLY_MAX ? stripped : stripped.substring(0, REPLY_MAX);
    }
}
