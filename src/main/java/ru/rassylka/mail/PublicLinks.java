package ru.rassylka.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the links in e-mails (unsubscribe, {@code List-Unsubscribe}) can be followed by their
 * recipients. With a real SMTP server the mail leaves this machine, so links to a {@code BASE_URL}
 * on localhost or a loopback address lead nowhere: mailings are then not sent (their runs wait)
 * rather than sent with dead unsubscribe links. The development mailbox is read on this machine,
 * where such links work.
 */
public final class PublicLinks {

    private PublicLinks() {}

    /** Why mailings must not be sent with these settings, or empty when their links work. */
    public static Optional<String> refusal(MailSettings mail, String baseUrl) {
        if (mail.development() || reachable(baseUrl)) {
            return Optional.empty();
        }
        return Optional.of(
                "Mailings are not sent: BASE_URL is " + baseUrl + ", but e-mails go to the SMTP server "
                        + mail.effectiveHost()
                        + ", so their recipients could not open the unsubscribe links. Set BASE_URL to the"
                        + " address people open the service at (e.g. https://mail.example.org) and restart; the runs wait until then.");
    }

    /** An http(s) address whose host is neither localhost nor a loopback or unspecified address. */
    static boolean reachable(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!(scheme.equals("http") || scheme.equals("https")) || host == null || host.isEmpty()) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return !(host.equals("localhost")
                || host.endsWith(".localhost")
                || host.startsWith("127.")
                || host.equals("0.0.0.0")
                || host.equals("[::1]")
                || host.equals("[::]")
                || host.equals("[0:0:0:0:0:0:0:1]"));
    }
}
