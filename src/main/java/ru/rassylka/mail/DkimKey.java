package ru.rassylka.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;

/**
 * The DKIM signature of outgoing e-mails: {@code DKIM_DOMAIN}, {@code DKIM_SELECTOR} and an RSA
 * private key in a PEM file ({@code DKIM_PRIVATE_KEY_FILE}, PKCS#8 or PKCS#1, as
 * {@code openssl genrsa} or {@code openssl genpkey} write it). Signs relaxed/relaxed with
 * rsa-sha256 over From, To, Subject, Date, Message-ID, the MIME headers and both unsubscribe
 * headers, through simple-java-mail's DKIM signer; and tells the DNS TXT record to publish.
 */
public final class DkimKey {

    private final String domain;
    private final String selector;
    private final RSAPrivateCrtKey key;

    private DkimKey(String domain, String selector, RSAPrivateCrtKey key) {
        this.domain = domain;
        this.selector = selector;
        this.key = key;
    }

    /**
     * The key the settings name ({@code dkim.domain}, {@code dkim.selector}, {@code dkim.private.key.file}), or empty when
     * none of them is set. Some but not all set, or a file that is missing or holds no RSA private key, is refused with
     * a message that names the setting and the file, never the key.
     */
    public static Optional<DkimKey> of(Function<String, Optional<String>> value) {
        Optional<String> domain = value.apply("dkim.domain").map(String::strip).filter(text -> !text.isEmpty());
        Optional<String> selector =
                value.apply("dkim.selector").map(String::strip).filter(text -> !text.isEmpty());
        Optional<String> file =
                value.apply("dkim.private.key.file").map(String::strip).filter(text -> !text.isEmpty());
        if (domain.isEmpty() && selector.isEmpty() && file.isEmpty()) {
            return Optional.empty();
        }
        if (domain.isEmpty() || selector.isEmpty() || file.isEmpty()) {
            throw new IllegalArgumentException(
                    "DKIM signing needs DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE together; missing: "
                            + (domain.isEmpty() ? "DKIM_DOMAIN " : "") + (selector.isEmpty() ? "DKIM_SELECTOR " : "")
                            + (file.isEmpty() ? "DKIM_PRIVATE_KEY_FILE" : ""));
        }
        return Optional.of(
                new DkimKey(domain.get().toLowerCase(Locale.ROOT), selector.get(), read(Path.of(file.get()))));
    }

    private static RSAPrivateCrtKey read(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(
                    "DKIM_PRIVATE_KEY_FILE " + file.toAbsolutePath() + " does not exist or cannot be read");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser pem = new PEMParser(reader)) {
            Object read = pem.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            PrivateKey key = read instanceof PEMKeyPair pair
                    ? converter.getKeyPair(pair).getPrivate()
                    : read instanceof PrivateKeyInfo info ? converter.getPrivateKey(info) : null;
            if (key instanceof RSAPrivateCrtKey rsa) {
                return rsa;
            }
            throw new IllegalArgumentException("DKIM_PRIVATE_KEY_FILE " + file.toAbsolutePath()
                    + " holds no unencrypted RSA private key in PEM (e.g. openssl genrsa -out dkim.pem 2048)");
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException refusal) {
                throw refusal;
            }
            throw new IllegalArgumentException("DKIM_PRIVATE_KEY_FILE " + file.toAbsolutePath()
                    + " could not be read as a PEM private key: " + e.getClass().getSimpleName());
        }
    }

    /** The e-mail with its DKIM-Signature header; an {@code SMTPMessage}, so a return path can still be set on it. */
    public MimeMessage sign(MimeMessage message) throws MessagingException {
        DkimSigner signer = new DkimSigner(domain, selector, (RSAPrivateKey) key);
        signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
        signer.setHeaderCanonicalization(Canonicalization.RELAXED);
        signer.setBodyCanonicalization(Canonicalization.RELAXED);
        signer.setCheckDomainKey(false);
        signer.addHeaderToSign("List-Unsubscribe-Post");
        return new DkimMessage(message, signer);
    }

    public String domain() {
        return domain;
    }

    public String selector() {
        return selector;
    }

    /** The DNS name of the TXT record: {@code <selector>._domainkey.<domain>}. */
    public String recordName() {
        return selector + "._domainkey." + domain;
    }

    /** The TXT record's value: the public key of the private one. */
    public String recordValue() {
        try {
            RSAPublicKeySpec spec = new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent());
            byte[] publicKey =
                    KeyFactory.getInstance("RSA").generatePublic(spec).getEncoded();
            return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** The key's size in bits, for the health page (at least 1024; 2048 is what providers expect). */
    public int bits() {
        BigInteger modulus = key.getModulus();
        return modulus.bitLength();
    }
}
