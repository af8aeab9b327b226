package ru.rassylka.delivery.engine;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import ru.rassylka.delivery.RunTemplate;
import ru.rassylka.mail.MailAddresses;
import ru.rassylka.mail.MailLayout;
import ru.rassylka.message.TemplateValues;

/**
 * Builds the e-mails of one run, one for each delivery: {@code To:} that recipient only,
 * personalised subject and body (HTML with its plain-text alternative), the unsubscribe headers of
 * RFC 2369 and RFC 8058, and a Message-ID that stays the same for the delivery however often it is
 * tried. What all of them share is encoded once for each session ({@link MailLayout}); a sender
 * that is not a valid address fails every e-mail of the run, as building each one would.
 */
public final class DeliveryMails {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final RunTemplate template;
    private final String sender;
    private final Map<Session, MailLayout> layouts = new ConcurrentHashMap<>();
    private volatile InternetAddress from;

    private DeliveryMails(RunTemplate template, String sender) {
        this.template = template;
        this.sender = sender;
    }

    /** The e-mails of a run with this message and sender. */
    public static DeliveryMails of(RunTemplate template, String sender) {
        return new DeliveryMails(template, sender);
    }

    /**
     * @param to the delivery's {@link #recipient}
     * @param unsubscribeUrl the delivery's own unsubscribe address
     * @param unsubscribeMailto an address that unsubscribes by e-mail, if the service has one
     */
    public MimeMessage build(
            Session session,
            Claimed delivery,
            InternetAddress to,
            String unsubscribeUrl,
            Optional<String> unsubscribeMailto,
            String token)
            throws MessagingException {
        RunTemplate.Rendered content =
                template.render(new TemplateValues(delivery.fullName(), delivery.email(), unsubscribeUrl));
        MailLayout layout = layout(session, content.html() != null);
        String messageId =
                "<" + delivery.id() + "." + delivery.runId() + ".rassylka@" + domainOf(from().getAddress()) + ">";
        String listUnsubscribe = "<" + unsubscribeUrl + ">"
                + unsubscribeMailto
                        .map(address -> ", <mailto:" + address + "?subject="
                                + URLEncoder.encode("unsubscribe " + token, StandardCharsets.UTF_8)
                                        .replace("+", "%20") + ">")
                        .orElse("");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", listUnsubscribe);
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return layout.build(to, content.subject(), content.text(), content.html(), messageId, headers);
    }

    /** The recipient as the e-mail names it: the client's address (an internationalised domain in its ASCII form) and name. */
    public static InternetAddress recipient(Claimed delivery) throws MessagingException {
        try {
            InternetAddress address =
                    new InternetAddress(MailAddresses.forSending(delivery.email()), delivery.fullName(), UTF_8);
            address.validate();
            return address;
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MailLayout layout(Session session, boolean html) throws MessagingException {
        MailLayout layout = layouts.get(session);
        if (layout == null) {
            // a race builds it twice at most; both are equal
            layout = MailLayout.of(session, from(), html);
            layouts.put(session, layout);
        }
        return layout;
    }

    private InternetAddress from() throws MessagingException {
        InternetAddress parsed = from;
        if (parsed == null) {
            parsed = MailAddresses.forSending(new InternetAddress(sender));
            from = parsed;
        }
        return parsed;
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "localhost" : address.substring(at + 1);
    }
}
