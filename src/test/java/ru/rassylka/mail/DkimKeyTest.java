package ru.rassylka.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DKIM signatures checked by an independent verifier: Debian's python3-dkim (dkimpy), given the
 * TXT record the service tells the administrator to publish.
 */
class DkimKeyTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String VERIFY = "import sys, dkim\n"
            + "record = open(sys.argv[1], 'rb').read()\n"
            + "ok = dkim.verify(sys.stdin.buffer.read(), dnsfunc=lambda name, timeout=5: record if name == sys.argv[2].encode() + b'.' or name == sys.argv[2].encode() else None)\n"
            + "print('pass' if ok else 'fail')\n";

    @TempDir
    static Path folder;

    private static Path pkcs8;

    @BeforeAll
    static void makeKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] encoded = generator.generateKeyPair().getPrivate().getEncoded();
        pkcs8 = folder.resolve("dkim-pkcs8.pem");
        Files.writeString(
                pkcs8,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(encoded) + "\n-----END PRIVATE KEY-----\n",
                StandardCharsets.US_ASCII);
    }

    private static Optional<DkimKey> key(Map<String, String> settings) {
        return DkimKey.of(name -> Optional.ofNullable(settings.get(name)));
    }

    private static DkimKey key(Path file) {
        return key(Map.of(
                        "dkim.domain",
                        "mail.example.org",
                        "dkim.selector",
                        "r2026",
                        "dkim.private.key.file",
                        file.toString()))
                .orElseThrow();
    }

    /** An e-mail as a mailing sends it: the unsubscribe headers, a fixed Message-ID, HTML with its plain-text alternative. */
    private static MimeMessage mailing() throws MessagingException {
        MimeMessage message = new SMTPMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<17.4.rassylka@mail.example.org>");
            }
        };
        message.setFrom(new InternetAddress("news@mail.example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("anna@example.net"));
        message.setSubject("Новости недели", "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("List-Unsubscribe", "<https://mail.example.org/unsubscribe?t=abc>");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Здравствуйте, Анна!\nНовости.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>Здравствуйте, <b>Анна</b>!</p>", "UTF-8", "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        return message;
    }

    private static byte[] bytes(MimeMessage message) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static String verify(DkimKey key, byte[] message) throws Exception {
        Path record = Files.writeString(folder.resolve("record.txt"), key.recordValue(), StandardCharsets.US_ASCII);
        Process process = new ProcessBuilder(PYTHON, "-c", VERIFY, record.toString(), key.recordName()).start();
        process.getOutputStream().write(message);
        process.getOutputStream().close();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the verifier answers");
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()
                + (errors.isBlank() ? "" : " " + errors);
    }

    private static String signatureHeader(byte[] signed) {
        String text = new String(signed, StandardCharsets.US_ASCII);
        int start = text.indexOf("DKIM-Signature:");
        int end = text.indexOf("\r\n", start);
        while (text.charAt(end + 2) == ' ' || text.charAt(end + 2) == '\t') {
            end = text.indexOf("\r\n", end + 2);
        }
        return text.substring(start, end).replaceAll("\\s+", " ");
    }

    @Test
    void aSignedMailingEmailPassesAnIndependentVerifierWithThePublishedRecord() throws Exception {
        DkimKey key = key(pkcs8);
        byte[] signed = bytes(key.sign(mailing()));

        assertEquals("pass", verify(key, signed));
        String signature = signatureHeader(signed);
        assertTrue(signature.contains("c=relaxed/relaxed"), signature);
        assertTrue(signature.contains("a=rsa-sha256"), signature);
        assertTrue(signature.contains("d=mail.example.org") && signature.contains("s=r2026"), signature);
        String signedHeaders = signature
                .replaceAll(".*\\bh=([^;]+);.*", "$1")
                .toLowerCase(java.util.Locale.ROOT)
                .replace(" ", "");
        for (String header : new String[] {
            "from",
            "to",
            "subject",
            "date",
            "message-id",
            "mime-version",
            "content-type",
            "list-unsubscribe",
            "list-unsubscribe-post"
        }) {
            assertTrue(
                    java.util.Arrays.asList(signedHeaders.split(":")).contains(header),
                    header + " is signed: " + signedHeaders);
        }
    }

    @Test
    void changingASignedHeaderOrTheBodyBreaksTheSignature() throws Exception {
        DkimKey key = key(pkcs8);
        String signed = new String(bytes(key.sign(mailing())), StandardCharsets.ISO_8859_1);

        assertEquals(
                "fail",
                verify(
                        key,
                        signed.replace(
                                        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
                                        "List-Unsubscribe-Post: nothing")
                                .getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(
                "fail",
                verify(
                        key,
                        signed.replace("From: news@mail.example.org", "From: ceo@mail.example.org")
                                .getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(
                "pass", verify(key, signed.getBytes(StandardCharsets.ISO_8859_1)), "the untouched copy still passes");
    }

    @Test
    void aKeyThatOpensslWroteInPkcs1IsReadToo() throws Exception {
        Path pkcs1 = folder.resolve("dkim-pkcs1.pem");
        Process openssl = new ProcessBuilder("openssl", "genrsa", "-traditional", "-out", pkcs1.toString(), "2048")
                .redirectErrorStream(true)
                .start();
        assertTrue(
                openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0,
                new String(openssl.getInputStream().readAllBytes()));
        assertTrue(Files.readString(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        DkimKey key = key(pkcs1);
        assertEquals(2048, key.bits());
        assertEquals("pass", verify(key, bytes(key.sign(mailing()))));
    }

    @Test
    void theRecordToPublishIsNamedBySelectorAndDomainAndHoldsThePublicKey() {
        DkimKey key = key(pkcs8);
        assertEquals("r2026._domainkey.mail.example.org", key.recordName());
        assertTrue(key.recordValue().matches("v=DKIM1; k=rsa; p=[A-Za-z0-9+/]+=*"), key.recordValue());
    }

    @Test
    void withoutSettingsNothingIsSignedAndPartOfThemOrABadFileIsAClearRefusal() throws IOException {
        assertEquals(Optional.empty(), key(Map.of()));
        IllegalArgumentException partial =
                assertThrows(IllegalArgumentException.class, () -> key(Map.of("dkim.domain", "mail.example.org")));
        assertTrue(
                partial.getMessage().contains("DKIM_SELECTOR")
                        && partial.getMessage().contains("DKIM_PRIVATE_KEY_FILE"),
                partial.getMessage());
        IllegalArgumentException missing =
                assertThrows(IllegalArgumentException.class, () -> key(folder.resolve("no-such.pem")));
        assertTrue(
                missing.getMessage().contains("no-such.pem")
                        && missing.getMessage().contains("does not exist"),
                missing.getMessage());
        Path garbage = Files.writeString(folder.resolve("garbage.pem"), "not a key");
        IllegalArgumentException unreadable = assertThrows(IllegalArgumentException.class, () -> key(garbage));
        assertTrue(unreadable.getMessage().startsWith("DKIM_PRIVATE_KEY_FILE"), unreadable.getMessage());
        assertFalse(unreadable.getMessage().contains("not a key"), "the file's content is never told");
    }
}
