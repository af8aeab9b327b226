package ru.rassylka.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import ru.rassylka.mail.MailSettings;
import ru.rassylka.platform.health.HealthDetails;

/**
 * Whether the SMTP server (or the development mailbox) accepts a connection. Not a readiness
 * check: while the SMTP server is briefly away the sender backs off and the pages still serve, so
 * it is reported separately, on the administrator's health page.
 */
@ApplicationScoped
public class MailServerHealth {

    private static final int TIMEOUT_MILLIS = 3_000;

    @Inject
    private MailSettings settings;

    public HealthDetails details() {
        Map<String, Object> data = Map.of("server", settings.describe(), "development", settings.development());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(settings.effectiveHost(), settings.effectivePort()), TIMEOUT_MILLIS);
            return HealthDetails.up("mail-server", data);
        } catch (IOException e) {
            return HealthDetails.down("mail-server", data, e.getMessage());
        }
    }
}
