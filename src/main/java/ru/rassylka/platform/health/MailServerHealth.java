package ru.rassylka.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import ru.rassylka.mail.MailSettings;

/** Ready when the SMTP server (or the development mailbox) accepts a connection. */
@Readiness
@ApplicationScoped
public class MailServerHealth implements HealthCheck {

    private static final int TIMEOUT_MILLIS = 3_000;

    @Inject
    private MailSettings settings;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("mail-server")
                .withData("server", settings.describe())
                .withData("development", settings.development());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(settings.effectiveHost(), settings.effectivePort()), TIMEOUT_MILLIS);
            return response.up().build();
        } catch (IOException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
