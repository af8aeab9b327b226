package ru.rassylka.delivery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;
import ru.rassylka.delivery.DeliveryState;
import ru.rassylka.delivery.SkipReason;
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
        assertEquals(
                DeliveryState.FAILED,
                FailureClassifier.ofReply(554, "554 5.7.1 Rejected").outcome());
    }

    @Test
    void recipientRefusedWith550InsideSendFailedFails() throws Exception {
        InternetAddress to = new InternetAddress("x@example.org");
        SMTPAddressFailedException refused =
                new SMTPAddressFailedException(to, "RCPT TO:<x@example.org>", 550, "550 5.1.1 User unknown");
        SendFailedException failed = new SendFailedException(
                "Invalid Addresses", refused, new InternetAddress[0], new InternetAddress[0], new InternetAddress[] {to
                });
        Verdict verdict = FailureClassifier.of(failed);
        assertEquals(DeliveryState.FAILED, verdict.outcome());
        assertEquals(550, verdict.code());
        assertTrue(verdict.reply().contains("User unknown"), verdict.reply());
    }

    @Test
    void recipientDeferredWith451IsRetried() throws Exception {
        InternetAddress to = new InternetAddress("x@example.org");
        SMTPAddressFailedException deferred =
                new SMTPAddressFailedException(to, "RCPT TO:<x@example.org>", 451, "451 4.3.0 Later");
        Verdict verdict = FailureClassifier.of(new SendFailedException("Invalid Addresses", deferred));
        assertEquals(DeliveryState.RETRY, verdict.outcome());
        assertEquals(451, verdict.code());
    }

    @Test
    void dataRefusedWith552Fails() {
        SMTPSendFailedException refused =
                new SMTPSendFailedException("DATA", 552, "552 5.3.4 Message too big", null, null, null, null);
        Verdict verdict = FailureClassifier.of(refused);
        assertEquals(DeliveryState.FAILED, verdict.outcome());
        assertEquals(552, verdict.code());
    }

    @Test
    void connectionRefusedIsRetriedAndMarksTheServerUnreachable() {
        MailConnectException refused = new MailConnectException(new SocketConnectException(
                "Connection refused", new ConnectException("Connection refused"), "127.0.0.1", 2525, 1000));
        Verdict verdict = FailureClassifier.of(refused);
        assertEquals(DeliveryState.RETRY, verdict.outcome());
        assertTrue(verdict.serverUnreachable());
        assertEquals(0, verdict.code());
        assertTrue(verdict.reply().contains("Connection refused"), verdict.reply());
    }

    @Test
    void readTimeoutAndResetAreRetried() {
        assertTrue(FailureClassifier.of(new MessagingException(
                        "Exception reading response", new SocketTimeoutException("Read timed out")))
                .serverUnreachable());
        Verdict reset = FailureClassifier.of(
                new MessagingException("IOException while sending message", new SocketException("Connection reset")));
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
        assertEquals(
                FailureClassifier.REPLY_MAX,
                FailureClassifier.ofReply(550, "5".repeat(5000)).reply().length());
    }

    @Test
    void anAddressThatNeedsSmtputf8WhereTheServerLacksItFailsAtOnceWithItsReason() {
        Verdict verdict = FailureClassifier.of(new Smtputf8NotOffered(false));

        assertEquals(DeliveryState.FAILED, verdict.outcome());
        assertEquals(SkipReason.NO_SMTPUTF8, verdict.reason());
        assertEquals(Smtputf8NotOffered.REASON, verdict.reply());
        assertFalse(verdict.serverUnreachable());
    }

    @Test
    void aThrottlingReplyToMailFromConcernsTheSenderAndIsTemporary() {
        SMTPSendFailedException throttled = new SMTPSendFailedException(
                "MAIL FROM:<no-reply@example.org>",
                451,
                "451 4.7.1 Sending rate limited, slow down",
                null,
                null,
                null,
                null);
        Verdict verdict = FailureClassifier.of(throttled);
        assertEquals(DeliveryState.RETRY, verdict.outcome());
        assertEquals(Verdict.Scope.SENDER, verdict.scope());
        assertEquals(451, verdict.code());
        assertFalse(verdict.serverUnreachable());
    }

    @Test
    void sesThrottlingAtTheEndOfDataConcernsTheSender() {
        SMTPSendFailedException throttled = new SMTPSendFailedException(
                ".", 454, "454 Throttling failure: Maximum sending rate exceeded.", null, null, null, null);
        assertEquals(Verdict.Scope.SENDER, FailureClassifier.of(throttled).scope());
        assertEquals(
                Verdict.Scope.SENDER,
                FailureClassifier.of(
                                new SMTPSendFailedException("DATA", 451, "451 4.3.0 Try later", null, null, null, null))
                        .scope());
    }

    @Test
    void aRefusalOfTheSenderConcernsTheSenderAndLasts() throws Exception {
        SMTPSendFailedException refused = new SMTPSendFailedException(
                "MAIL FROM:<no-reply@example.org>", 550, "550 5.7.1 Sender address rejected", null, null, null, null);
        refused.setNextException(new SMTPSenderFailedException(
                new InternetAddress("no-reply@example.org"),
                "MAIL FROM:<no-reply@example.org>",
                550,
                "550 5.7.1 Sender address rejected"));
        Verdict verdict = FailureClassifier.of(refused);
        assertEquals(DeliveryState.FAILED, verdict.outcome());
        assertEquals(Verdict.Scope.SENDER, verdict.scope());
        assertEquals(550, verdict.code());
        assertTrue(verdict.reply().contains("Sender address rejected"), verdict.reply());
    }

    @Test
    void a421ClosingTheSessionConcernsTheSenderWhateverCommandItAnswered() throws Exception {
        InternetAddress to = new InternetAddress("x@example.org");
        SMTPAddressFailedException closing = new SMTPAddressFailedException(
                to, "RCPT TO:<x@example.org>", 421, "421 4.7.0 Too many connections, closing");
        Verdict verdict = FailureClassifier.of(new SendFailedException("Invalid Addresses", closing));
        assertEquals(DeliveryState.RETRY, verdict.outcome());
        assertEquals(Verdict.Scope.SENDER, verdict.scope());
    }

    @Test
    void aRefusalOfTheRecipientOrOfTheMailStaysWithTheRecipient() throws Exception {
        InternetAddress to = new InternetAddress("x@example.org");
        assertEquals(
                Verdict.Scope.RECIPIENT,
                FailureClassifier.of(new SendFailedException(
                                "Invalid Addresses",
                                new SMTPAddressFailedException(
                                        to, "RCPT TO:<x@example.org>", 451, "451 4.2.1 Mailbox busy")))
                        .scope());
        assertEquals(
                Verdict.Scope.RECIPIENT,
                FailureClassifier.of(new SMTPSendFailedException(
                                ".", 554, "554 5.7.1 Message rejected as spam", null, null, null, null))
                        .scope());
    }

    @Test
    void aRefusedLoginConcernsTheSenderAndLastsUnlessTheServerSaysItIsTemporary() {
        Verdict refused =
                FailureClassifier.of(new AuthenticationFailedException("535 5.7.8 Authentication credentials invalid"));
        assertEquals(DeliveryState.FAILED, refused.outcome());
        assertEquals(Verdict.Scope.SENDER, refused.scope());
        assertEquals(535, refused.code());

        Verdict later =
                FailureClassifier.of(new AuthenticationFailedException("454 4.7.0 Temporary authentication failure"));
        assertEquals(DeliveryState.RETRY, later.outcome());
        assertEquals(Verdict.Scope.SENDER, later.scope());
    }

    @Test
    void aSendersOwnAddressThatNeedsSmtputf8WhereTheServerLacksItRefusesTheSender() {
        Verdict verdict = FailureClassifier.of(new Smtputf8NotOffered(true));
        assertEquals(DeliveryState.FAILED, verdict.outcome());
        assertEquals(Verdict.Scope.SENDER, verdict.scope());
        assertTrue(verdict.reply().contains("SMTPUTF8"), verdict.reply());
    }
}
