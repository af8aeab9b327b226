package ru.rassylka.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import ru.rassylka.mail.MailSettings;
import ru.rassylka.mail.PublicLinks;
import ru.rassylka.platform.Settings;
import ru.rassylka.platform.health.HealthDetails;

/**
 * Whether mailings are sent: not while e-mails go to a real SMTP server with a {@code BASE_URL}
 * their recipients cannot open ({@link PublicLinks}, the rule the sending engine follows), and
 * then the administrator's health page says what to set.
 */
@ApplicationScoped
public class SendingHealth {

    @Inject
    private Settings settings;

    @Inject
    private MailSettings mail;

    public HealthDetails details() {
        Map<String, Object> data = Map.of("baseUrl", settings.baseUrl());
        return PublicLinks.refusal(mail, settings.baseUrl())
                .map(refusal -> HealthDetails.down("sending", data, refusal))
                .orElseGet(() -> HealthDetails.up("sending", data));
    }
}
