package ru.rassylka.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicLinksTest {

    private static final MailSettings REAL_SMTP = mail("smtp.example.org");
    private static final MailSettings DEVELOPMENT_MAILBOX = mail(null);

    private static MailSettings mail(String host) {
        return new MailSettings(
                Optional.ofNullable(host),
                587,
                Optional.empty(),
                Optional.empty(),
                MailSettings.Tls.STARTTLS,
                "Rassylka <no-reply@example.org>",
                2525,
                15_000);
    }

    @Test
    void sendingRefusedWhenRealSmtpMeetsALocalBaseUrl() {
        for (String local : List.of(
                "http://localhost:8080",
                "http://LOCALHOST:8080/",
                "https://localhost",
                "http://localhost.:8080",
                "http://app.localhost",
                "http://127.0.0.1:8080",
                "http://127.1.2.3",
                "http://[::1]:8080",
                "http://0.0.0.0:8080")) {
            Optional<String> refusal = PublicLinks.refusal(REAL_SMTP, local);

            assertTrue(refusal.isPresent(), local);
            assertTrue(refusal.get().contains("BASE_URL") && refusal.get().contains(local), refusal.get());
        }
    }

    @Test
    void sendingRefusedWhenRealSmtpMeetsABaseUrlThatIsNoWebAddress() {
        for (String broken : List.of(
                "localhost:8080", "mail.example.org", "ftp://mail.example.org", "http://", "http://exa mple.org")) {
            assertTrue(PublicLinks.refusal(REAL_SMTP, broken).isPresent(), broken);
        }
    }

    @Test
    void theDevelopmentMailboxSendsWithALocalBaseUrl() {
        assertEquals(Optional.empty(), PublicLinks.refusal(DEVELOPMENT_MAILBOX, "http://localhost:8080"));
    }

    @Test
    void realSmtpSendsWithAPublicBaseUrl() {
        for (String reachable : List.of(
                "https://mail.example.org",
                "http://rassylka.example.org:8080/",
                "http://192.168.1.20:8080",
                "https://[2001:db8::1]",
                "http://localhost-mailer.example.org")) {
            assertEquals(Optional.empty(), PublicLinks.refusal(REAL_SMTP, reachable), reachable);
        }
    }
}
