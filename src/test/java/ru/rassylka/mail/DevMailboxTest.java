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
        GreenMail server = DevMailbox.server(new ServerSetup(0, MailSettings.LOOPBACK, ServerSetup.PROTOCOL_SMTP).dynamicPort(), mails,
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
            assertEquals(List.of("Письмо 3", "Письмо 2"), mails.page(0, 10).stream().map(CapturedMail::subject).toList());
            assertEquals("reader3@example.org", mails.page(0, 1).get(0).to());
            assertEquals("Текст 3", mails.page(0, 1).get(0).text());
            assertEquals(1, mails.dropped());
        } finally {
            server.stop();
        }
    }
}
