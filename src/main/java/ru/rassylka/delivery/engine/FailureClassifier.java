package ru.rassylka.delivery.engine;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import ru.rassylka.delivery.DeliveryState;
import ru.rassylka.delivery.SkipReason;
import ru.rassylka.mail.Smtputf8NotOffered;

/**
 * Sorts SMTP failures: 4xx replies and connection trouble (refused, reset, timeouts) are
 * temporary and tried again; 5xx replies, invalid addresses and an address that needs SMTPUTF8
 * where the server does not offer it are permanent. The command a reply answered says whom it
 * concerns ({@link Verdict.Scope}): RCPT and a refused e-mail concern the recipient; MAIL FROM,
 * the login, a 4xx to DATA and 421 (the server closes the session) concern the sender.
 */
public final class FailureClassifier {

    public static final int REPLY_MAX = 1000;
    private static final Pattern LEADING_CODE = Pattern.compile("^\\s*([2-5]\\d\\d)[\\s-]");

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

    /** The verdict on the reply to {@code command} (e.g. {@code MAIL FROM:<…>}, {@code RCPT TO:<…>}, {@code DATA}, {@code .}). */
    public static Verdict ofReply(String command, int code, String reply) {
        Verdict verdict = ofReply(code, reply);
        if (verdict.outcome() == DeliveryState.SENT || verdict.serverUnreachable()) {
            return verdict;
        }
        return new Verdict(verdict.outcome(), verdict.code(), verdict.reply(), scopeOf(command, code), null);
    }

    /** Whom a refusal of {@code command} with {@code code} concerns. */
    static Verdict.Scope scopeOf(String command, int code) {
        if (code == 421) {
            return Verdict.Scope.SENDER; // the server is closing the session, whatever it was asked
        }
        String verb = command == null ? "" : command.strip().toUpperCase(Locale.ROOT);
        if (verb.startsWith("MAIL") || verb.startsWith("AUTH")) {
            return Verdict.Scope.SENDER;
        }
        if (verb.equals("DATA") || verb.equals(".") || verb.startsWith("BDAT")) {
            // a 4xx to the e-mail's data is the server's state (rate, queue); a 5xx refuses this e-mail
            return code < 500 ? Verdict.Scope.SENDER : Verdict.Scope.RECIPIENT;
        }
        return Verdict.Scope.RECIPIENT;
    }

    /** The verdict on an exception thrown by connecting or sending. */
    public static Verdict of(Exception failure) {
        Smtputf8NotOffered smtputf8 = find(failure, Smtputf8NotOffered.class);
        if (smtputf8 != null) {
            // the sender's own address: no e-mail can go, the sender is refused
            return smtputf8.isSender()
                    ? new Verdict(DeliveryState.FAILED, 0, clip(smtputf8.getMessage()), Verdict.Scope.SENDER, null)
                    : new Verdict(
                            DeliveryState.FAILED,
                            0,
                            Smtputf8NotOffered.REASON,
                            Verdict.Scope.RECIPIENT,
                            SkipReason.NO_SMTPUTF8);
        }
        SMTPAddressFailedException address = find(failure, SMTPAddressFailedException.class);
        if (address != null) {
            return ofReply(address.getCommand(), address.getReturnCode(), address.getMessage());
        }
        SMTPSendFailedException send = find(failure, SMTPSendFailedException.class);
        if (send != null && send.getReturnCode() > 0) {
            return ofReply(send.getCommand(), send.getReturnCode(), send.getMessage());
        }
        AuthenticationFailedException login = find(failure, AuthenticationFailedException.class);
        if (login != null) {
            return ofLogin(login);
        }
        if (find(failure, AddressException.class) != null) {
            return new Verdict(DeliveryState.FAILED, 0, clip("Invalid address: " + failure.getMessage()), false);
        }
        if (failure instanceof SendFailedException sendFailed
                && sendFailed.getInvalidAddresses() != null
                && sendFailed.getInvalidAddresses().length > 0
                && find(failure, IOException.class) == null) {
            return new Verdict(DeliveryState.FAILED, 0, clip(describe(failure)), false);
        }
        if (find(failure, MailConnectException.class) != null
                || find(failure, ConnectException.class) != null
                || find(failure, UnknownHostException.class) != null
                || find(failure, SocketException.class) != null
                || find(failure, InterruptedIOException.class) != null
                || find(failure, IOException.class) != null) {
            return new Verdict(DeliveryState.RETRY, 0, clip(describe(failure)), true);
        }
        if (failure instanceof MessagingException) {
            // e.g. "[EOF]" or a reply Jakarta Mail could not parse: the connection is not usable
            return new Verdict(DeliveryState.RETRY, 0, clip(describe(failure)), true);
        }
        return new Verdict(DeliveryState.FAILED, 0, clip(describe(failure)), false);
    }

    /** The server refused the login: a 4xx (e.g. 454) is temporary, anything else lasts until the settings change. */
    private static Verdict ofLogin(AuthenticationFailedException login) {
        String reply = login.getMessage() == null ? "Authentication failed" : login.getMessage();
        Matcher code = LEADING_CODE.matcher(reply);
        int replyCode = code.find() ? Integer.parseInt(code.group(1)) : 0;
        DeliveryState outcome = replyCode >= 400 && replyCode < 500 ? DeliveryState.RETRY : DeliveryState.FAILED;
        return new Verdict(outcome, replyCode, clip(reply), Verdict.Scope.SENDER, null);
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
