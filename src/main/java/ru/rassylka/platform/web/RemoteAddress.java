package ru.rassylka.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import ru.rassylka.platform.Settings;

/** The address of the client of this request, also behind trusted reverse proxies (TRUSTED_PROXIES). */
@RequestScoped
public class RemoteAddress {

    @Inject
    private HttpServletRequest request;

    @Inject
    private Settings settings;

    public String value() {
        return ForwardedFor.client(
                request.getRemoteAddr(),
                Collections.list(request.getHeaders("X-Forwarded-For")),
                settings.trustedProxies());
    }
}
