package ru.rassylka.delivery.engine;

import jakarta.mail.Message;
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
import ru.rassylka.delivery.RunTemplate;
import ru.rassylka.mail.MailAddresses;
import ru.rassylka.mail.MailMessages;
import ru.rassylka.message.TemplateValues;

/**
 * Builds the e-mail of one delivery: {@code To:} that recipient only, personalised subject and
 * body (HTML with its plain-text alternative), the unsubscribe headers of RFC 2369 and RFC 8058,
 * and a Message-ID that stays the same for the delivery however often it is tried.
 */
public final class DeliveryMails {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private DeliveryMails() {}

    /**
     * @param unsubscribeUrl the delivery's own unsubscribe address
     * @param unsubscribeMailto an address that unsubscribes by e-mail, if the service has one
     */
    public static MimeMessage build(Session session, String sender, RunTemplate template, Claimed delivery,
            String unsubscribeUrl, Optional<String> unsubscribeMailto, String token) throws MessagingException {
        RunTemplate.Rendered content = template.render(new TemplateValues(delivery.fullName(), delivery.email(), unsubscribeUrl));
        InternetAddress from = MailAddresses.forSending(new InternetAddress(sender));
        String messageId = "<" + delivery.id() + "." + delivery.runId() + ".rassylka@" + domainOf(from.getAddress()) + ">";
        String listUnsubscribe = "<" + unsubscribeUrl + ">" + unsubscribeMailto
                .map(address -> ", <mailto:" + address + "?subject=" + URLEncoder.encode("unsubscribe " + token, StandardCharsets.UTF_8).replace("+", "%20") + ">")
                .orElse("");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", listUnsubscribe);
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return MailMessages.build(session, from, recipient(delivery), content.subject(), content.text(), content.html(), messageId, headers);
    }

    /** The recipient as the e-mail names it: the client's address (an internationalised domain in its ASCII form) and name. */
    public static InternetAddress recipient(Claimed delivery) throws MessagingException {
        try {
            InternetAddress address = new InternetAddress(MailAddresses.forSending(delivery.email()), delivery.fullName(), UTF_8);
            address.validate();
            return address;
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "localhost" : address.substring(at + 1);
    }
}
