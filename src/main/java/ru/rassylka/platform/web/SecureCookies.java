package ru.rassylka.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import ru.rassylka.platform.Settings;

/**
 * Marks the session cookie Secure when the public address is https, also when a reverse proxy
 * ends TLS and the server itself only sees plain HTTP.
 */
@WebListener
public class SecureCookies implements ServletContextListener {

    @Inject
    private Settings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (settings.isHttps()) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
