package ru.rassylka.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ru.rassylka.platform.web.ForwardedFor;

/** Settings of the whole service that several features read. */
@ApplicationScoped
public class Settings {

    @Inject
    @ConfigProperty(name = "base.url", defaultValue = "http://localhost:8080")
    private String baseUrl;

    @Inject
    @ConfigProperty(name = "trusted.proxies")
    private Optional<String> trustedProxies;

    /** The addresses of the reverse proxies whose X-Forwarded-For is believed; none by default. */
    public Set<String> trustedProxies() {
        return Arrays.stream(trustedProxies.orElse("").split(","))
                .map(String::strip)
                .filter(proxy -> !proxy.isEmpty())
                .map(ForwardedFor::canonical)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the service is reached over HTTPS (perhaps through a proxy): then HSTS and secure cookies. */
    public boolean isHttps() {
        return baseUrl.regionMatches(true, 0, "https://", 0, "https://".length());
    }

    /** The public address of the service without a trailing slash, for links in e-mails. */
    public String baseUrl() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
