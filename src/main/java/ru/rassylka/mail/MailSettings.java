package ru.rassylka.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * How mail leaves the service: a real SMTP server when {@code SMTP_HOST} is set, otherwise the
 * development mailbox on the loopback interface.
 */
public record MailSettings(
        Optional<String> host,
        int port,
        Optional<String> user,
        Optional<String> password,
        Tls tls,
        String from,
        int developmentPort,
        int timeoutMillis) {

    static final String LOOPBACK = "127.0.0.1";

    /** Transport security towards the SMTP server. */
    public enum Tls {
        NONE,
        STARTTLS,
        SSL;

        static Tls of(String value) {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    public boolean development() {
        return host.isEmpty();
    }

    public String effectiveHost() {
        return host.orElse(LOOPBACK);
    }

    public int effectivePort() {
        return development() ? developmentPort : port;
    }

    /** Jakarta Mail properties; the timeouts (connect, read and write) keep a stalled server from hanging a sender. */
    public Properties sessionProperties() {
        Properties properties = new Properties();
        String protocol = tls == Tls.SSL && !development() ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        properties.put("mail.transport.protocol", protocol);
        properties.put(prefix + "host", effectiveHost());
        properties.put(prefix + "port", String.valueOf(effectivePort()));
        properties.put(prefix + "connectiontimeout", String.valueOf(timeoutMillis));
        properties.put(prefix + "timeout", String.valueOf(timeoutMillis));
        if (protocol.equals("smtps")) {
            // the TLS socket from the first byte is Jakarta Mail's own: its write timeout, a thread per connection
            properties.put(prefix + "writetimeout", String.valueOf(timeoutMillis));
        } else {
            // the same timeout without a thread woken at every write (STARTTLS writes through these sockets too)
            properties.put(prefix + "socketFactory", WriteTimeoutSockets.of(timeoutMillis));
        }
        properties.put(prefix + "auth", String.valueOf(user.isPresent() && !development()));
        if (tls == Tls.STARTTLS && !development()) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        if (tls != Tls.NONE && !development()) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }

    /**
     * The same properties for e-mails with an address that needs SMTPUTF8 (RFC 6531): SMTP commands
     * and headers go out in UTF-8, and MAIL FROM asks for SMTPUTF8. Only for a server that offers it.
     */
    public Properties utf8SessionProperties() {
        Properties properties = sessionProperties();
        properties.put("mail.mime.allowutf8", "true");
        return properties;
    }

    /** Describes the destination for health reports and logs, without credentials. */
    public String describe() {
        return (development() ? "development mailbox " : "SMTP ") + effectiveHost() + ":" + effectivePort();
    }

    /** Never the generated record text: it would print the password wherever settings are logged. */
    @Override
    public String toString() {
        return describe();
    }
}
