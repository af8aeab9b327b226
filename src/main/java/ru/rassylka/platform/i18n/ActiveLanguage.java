package ru.rassylka.platform.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The language of this visitor's pages: remembered in a cookie for a year, Russian by default. */
@Named
@SessionScoped
public class ActiveLanguage implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final String COOKIE = "lang";
    private static final int COOKIE_AGE_SECONDS = 365 * 24 * 3600;

    private Language language;

    public Language getLanguage() {
        if (language == null) {
            language = remembered().orElse(Language.DEFAULT);
        }
        return language;
    }

    public Locale getLocale() {
        return getLanguage().locale();
    }

    public Language[] getChoices() {
        return Language.values();
    }

    /** Switches the language (a POST action) and shows the same page again. */
    public String switchTo(Language chosen) {
        adopt(chosen);
        return FacesContext.getCurrentInstance().getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
    }

    /** Takes a language for this session and remembers it in the browser, e.g. the one of a profile. */
    public void adopt(Language chosen) {
        use(chosen);
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.addResponseCookie(COOKIE, chosen.code(), Map.of(
                "maxAge", COOKIE_AGE_SECONDS,
                "path", external.getRequestContextPath().isEmpty() ? "/" : external.getRequestContextPath(),
                "httpOnly", true,
                "SameSite", "Lax"));
    }

    private void use(Language chosen) {
        language = chosen;
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && faces.getViewRoot() != null) {
            faces.getViewRoot().setLocale(chosen.locale());
        }
    }

    private static Optional<Language> remembered() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            return Optional.empty();
        }
        Cookie cookie = (Cookie) faces.getExternalContext().getRequestCookieMap().get(COOKIE);
        return cookie == null ? Optional.empty() : Language.fromCode(cookie.getValue());
    }
}
