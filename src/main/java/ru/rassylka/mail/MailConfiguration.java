package ru.rassylka.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.mail.Session;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the mail settings from the environment (see .env.sample) once. */
@ApplicationScoped
public class MailConfiguration {

    @Produces
    @Singleton
    MailSettings settings() {
        StreamProviderLookup.nameTheProvider();
        Config config = ConfigProvider.getConfig();
        return new MailSettings(
                config.getOptionalValue("smtp.host", String.class).filter(host -> !host.isBlank()),
                config.getOptionalValue("smtp.port", Integer.class).orElse(587),
                config.getOptionalValue("smtp.user", String.class).filter(user -> !user.isBlank()),
                config.getOptionalValue("smtp.password", String.class),
                config.getOptionalValue("smtp.tls", String.class)
                        .map(MailSettings.Tls::of)
                        .orElse(MailSettings.Tls.STARTTLS),
                config.getOptionalValue("mail.from", String.class).orElse("Rassylka <no-reply@localhost>"),
                config.getOptionalValue("dev.smtp.port", Integer.class).orElse(2525),
                config.getOptionalValue("smtp.timeout.millis", Integer.class).orElse(15_000));
    }

    @Produces
    @Singleton
    Session session(MailSettings settings) {
        return Session.getInstance(settings.sessionProperties());
    }
}
