package ru.rassylka.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the whole service that several features read. */
@ApplicationScoped
public class Settings {

    @Inject
    @ConfigProperty(name = "base.url", defaultValue = "http://localhost:8080")
    private String baseUrl;

    /** The public address of the service without a trailing slash, for links in e-mails. */
    public String baseUrl() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
