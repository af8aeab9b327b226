package ru.rassylka.delivery.bounce;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where bounces and complaints come back: a mailbox read with Jakarta Mail's own stores (IMAP,
 * IMAPS, POP3 or POP3S), from {@code BOUNCE_*} settings. There is no mailbox without
 * {@code BOUNCE_HOST}; the password is a secret and never shown ({@link #toString()}).
 */
public record BounceMailboxSettings(
        String protocol,
        String host,
        int port,
        Optional<String> user,
        Optional<String> password,
        String folder,
        Duration every,
        int timeoutMillis) {

    /** The protocols read, as Jakarta Mail names its stores. */
    public static final java.util.List<String> PROTOCOLS = java.util.List.of("imap", "imaps", "pop3", "pop3s");

    public BounceMailboxSettings {
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("BOUNCE_PROTOCOL must be one of " + PROTOCOLS + ", not " + protocol);
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("BOUNCE_PORT must be a port number, not " + port);
        }
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("BOUNCE_POLL_SECONDS must be positive");
        }
    }

    /** The settings from {@code value} (a setting's name in lower case with dots, e.g. {@code bounce.host}), or empty without a host. */
    public static Optional<BounceMailboxSettings> of(Function<String, Optional<String>> value) {
        Optional<String> host = value.apply("bounce.host").map(String::strip).filter(text -> !text.isEmpty());
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String protocol = value.apply("bounce.protocol")
                .map(text -> text.strip().toLowerCase(Locale.ROOT))
                .filter(text -> !text.isEmpty())
                .orElse("imaps");
        int port = value.apply("bounce.port")
                .map(String::strip)
                .filter(text -> !text.isEmpty())
                .map(text -> number("BOUNCE_PORT", text))
                .orElse(defaultPort(protocol));
        return Optional.of(new BounceMailboxSettings(
                protocol,
                host.get(),
                port,
                value.apply("bounce.user").filter(text -> !text.isBlank()),
                value.apply("bounce.password").filter(text -> !text.isEmpty()),
                value.apply("bounce.folder")
                        .map(String::strip)
                        .filter(text -> !text.isEmpty())
                        .orElse("INBOX"),
                Duration.ofSeconds(value.apply("bounce.poll.seconds")
                        .map(text -> number("BOUNCE_POLL_SECONDS", text.strip()))
                        .orElse(60)),
                value.apply("bounce.timeout.millis")
                        .map(text -> number("BOUNCE_TIMEOUT_MILLIS", text.strip()))
                        .orElse(15_000)));
    }

    private static int defaultPort(String protocol) {
        return switch (protocol) {
            case "imap" -> 143;
            case "pop3" -> 110;
            case "pop3s" -> 995;
            default -> 993;
        };
    }

    private static int number(String setting, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting + " must be a number, not " + text);
        }
    }

    /** The longest wait between readings after failures. */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

    /** The wait before the next reading: the interval, doubled for each failure in a row, at most {@link #MAX_BACKOFF}. */
    public Duration delayAfter(int failuresInARow) {
        Duration cap = every.compareTo(MAX_BACKOFF) > 0 ? every : MAX_BACKOFF;
        Duration delay = every;
        for (int i = 0; i < failuresInARow && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    /** Jakarta Mail properties of the store: its protocol and timeouts, so a silent server costs at most the timeout. */
    public Properties sessionProperties() {
        Properties properties = new Properties();
        properties.put("mail.store.protocol", protocol);
        properties.put("mail." + protocol + ".host", host);
        properties.put("mail." + protocol + ".port", String.valueOf(port));
        properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(timeoutMillis));
        properties.put("mail." + protocol + ".timeout", String.valueOf(timeoutMillis));
        properties.put("mail." + protocol + ".writetimeout", String.valueOf(timeoutMillis));
        return properties;
    }

    /** Where the mailbox is, for the log: never the password. */
    public String describe() {
        return protocol + "://" + user.map(name -> name + "@").orElse("") + host + ":" + port + "/" + folder;
    }

    @Override
    public String toString() {
        return describe();
    }
}
