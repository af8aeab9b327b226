package ru.rassylka.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class DevMailboxTest {

    @Test
    void emailsSentToTheMailboxAreKeptByItsBoundedListAndNotByGreenMail() throws Exception {
        NewestMails mails = new NewestMails(2);
        GreenMail server = DevMailbox.server(
                new ServerSetup(0, MailSettings.LOOPBACK, ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                mails,
                Logger.getLogger(DevMailboxTest.class.getName()));
        server.start();
        try {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", MailSettings.LOOPBACK);
            properties.put("mail.smtp.port", String.valueOf(server.getSmtp().getPort()));
            Session session = Session.getInstance(properties);
            for (int i = 1; i <= 3; i++) {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("service@example.org"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress("reader" + i + "@example.org"));
                message.setSubject("Письмо " + i, "UTF-8");
                message.setText("Текст " + i, "UTF-8");
                Transport.send(message);
            }

            assertEquals(0, server.getReceivedMessages().length, "GreenMail keeps nothing itself");
            assertEquals(
                    List.of("Письмо 3", "Письмо 2"),
                    mails.page(0, 10).stream().map(CapturedMail::subject).toList());
            assertEquals("reader3@example.org", mails.page(0, 1).get(0).to());
            assertEquals("Текст 3", mails.page(0, 1).get(0).text());
            assertEquals(1, mails.dropped());
        } finally {
            server.stop();
        }
    }

    @Test
    void anEmailToATestDomainIsHandedOnWithItsEnvelopeSenderAndTheReportThatComesBackIsKeptBesideIt() throws Exception {
        NewestMails mails = new NewestMails(10);
        List<String> handedOn = new java.util.ArrayList<>();
        GreenMail server = DevMailbox.server(
                new ServerSetup(0, MailSettings.LOOPBACK, ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                mails,
                Logger.getLogger(DevMailboxTest.class.getName()),
                (received, returnPath, recipient) -> {
                    handedOn.add(returnPath + " -> " + recipient);
                    try {
                        return TestDomainReports.reportOn(received, returnPath, recipient);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                });
        server.start();
        try {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", MailSettings.LOOPBACK);
            properties.put("mail.smtp.port", String.valueOf(server.getSmtp().getPort()));
            properties.put("mail.smtp.from", "bounces+7-0123456789abcdef@bounces.localhost");
            Session session = Session.getInstance(properties);
            for (String to : List.of("reader@example.org", "someone@bounce.test")) {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("service@example.org"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
                message.setSubject("Новости", "UTF-8");
                message.setText("Текст", "UTF-8");
                Transport.send(message);
            }

            assertEquals(
                    List.of("bounces+7-0123456789abcdef@bounces.localhost -> someone@bounce.test"),
                    handedOn,
                    "only the e-mail to the test domain, with the envelope sender it was sent with");
            assertEquals(
                    List.of("Undelivered Mail Returned to Sender", "Новости", "Новости"),
                    mails.page(0, 10).stream().map(CapturedMail::subject).toList());
            assertEquals(
                    "bounces+7-0123456789abcdef@bounces.localhost",
                    mails.page(0, 1).get(0).to());
        } finally {
            server.stop();
        }
    }
}
