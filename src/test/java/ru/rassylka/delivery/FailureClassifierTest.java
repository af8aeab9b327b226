package ru.rassylka.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;
import ru.rassylka.mail.Smtputf8NotOffered;

class FailureClassifierTest {

    @Test
    void replyOf250IsSent() {
        Verdict verdict = FailureClassifier.ofReply(250, "250 2.0.0 Ok: queued as ABC");
        assertEquals(DeliveryState.SENT, verdict.outcome());
        assertEquals(250, verdict.code());
        assertEquals("250 2.0.0 Ok: queued as ABC", verdict.reply());
    }

    @Test
    void replyOf4xxIsRetriedAndDoesNotCountAgainstTheServer() {
        Verdict verdict = FailureClassifier.ofReply(451, "451 4.3.0 Try later");
        assertEquals(DeliveryState.RETRY, verdict.outcome());
        assertFalse(verdict.serverUnreachable());
    }

    @Test
    void replyOf5xxFailsAtOnce() {
        assertEquals(DeliveryState.FAILED, FailureClassifier.ofReply(554, "554 5.7.1 Rejected").outcome());
    }

    @Test
    void recipientRefusedWith550InsideSendFailedFails() throws Exception {
        InternetAddress to = new InternetAddress("x@example.org");
        SMTPAddressFailedException refused = new SMTPAddressFailedException(to, "RCPT TO:<x@example.org>", 550, "550 5.1.1 User unknown");
        SendFailedException failed = new SendFailedException("Invalid Addresses", refused, new InternetAddress[0],
                new InternetAddress[0], new InternetAddress[] {to});
        Verdict verdict = FailureClassifier.of(failed);
        assertEquals(DeliveryState.FAILED, verdict.outcome());
        assertEquals(550, verdict.code());
        assertTrue(verdict.reply().contains("User unknown"), verdict.reply());
    }

    @Test
    void recipientDeferredWith451IsRetried() throws Exception {
        InternetAddress to = new InternetAddress("x@example.org");
        SMTPAddressFailedException deferred = new SMTPAddressFailedException(to, "RCPT TO:<x@example.org>", 451, "451 4.3.0 Later");
        Verdict verdict = FailureClassifier.of(new SendFailedException("Invalid Addresses", deferred));
        assertEquals(DeliveryState.RETRY, verdict.outcome());
        assertEquals(451, verdict.code());
    }

    @Test
    void dataRefusedWith552Fails() {
        SMTPSendFailedException refused = new SMTPSendFailedException("DATA", 552, "552 5.3.4 Message too big", null, null, null, null);
        Verdict verdict = FailureClassifier.of(refused);
        assertEquals(DeliveryState.FAILED, verdict.outcome());
        assertEquals(552, verdict.code());
    }

    @Test
    void connectionRefusedIsRetriedAndMarksTheServerUnreachable() {
        MailConnectException refused = new MailConnectException(
                new SocketConnectException("Connection refused", new ConnectException("Connection refused"), "127.0.0.1", 2525, 1000));
        Verdict verdict = FailureClassifier.of(refused);
        assertEquals(DeliveryState.RETRY, verdict.outcome());
        assertTrue(verdict.serverUnreachable());
        assertEquals(0, verdict.code());
        assertTrue(verdict.reply().contains("Connection refused"), verdict.reply());
    }

    @Test
    void readTimeoutAndResetAreRetried() {
        assertTrue(FailureClassifier.of(new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"))).serverUnreachable());
        Verdict reset = FailureClassifier.of(new MessagingException("IOException while sending message", new SocketException("Connection reset")));
        assertEquals(DeliveryState.RETRY, reset.outcome());
        assertTrue(reset.serverUnreachable());
    }

    @Test
    void invalidAddressFailsWithoutAsking() {
        Verdict verdict = FailureClassifier.of(new AddressException("Missing final '@domain'", "broken"));
        assertEquals(DeliveryState.FAILED, verdict.outcome());
        assertFalse(verdict.serverUnreachable());
    }

    @Test
    void longRepliesAreClipped() {
        assertEquals(FailureClassifier.REPLY_MAX, FailureClassifier.ofReply(550, "5".repeat(5000)).reply().length());
    }

    @Test
    void anAddressThatNeedsSmtputf8WhereTheServerLacksItFailsAtOnceWithItsReason() {
        Verdict verdict = FailureClassifier.of(new Smtputf8NotOffered(false));

        assertEquals(DeliveryState.FAILED, verdict.outcome());
        assertEquals(SkipReason.NO_SMTPUTF8, verdict.reason());
        assertEquals(Smtputf8NotOffered.REASON, verdict.reply());
        assertFalse(verdict.serverUnreachable());
    }
}
