package ru.rassylka.platform.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The language of this visitor's pages: a plain link with {@code ?lang=en} chooses it, a cookie
 * remembers it for a year, Russian by default. Kept per request, so it never needs a session.
 */
@Named
@RequestScoped
public class ActiveLanguage {

    public static final String COOKIE = "lang";
    static final String PARAMETER = "lang";
    private static final int COOKIE_AGE_SECONDS = 365 * 24 * 3600;

    private Language language;

    public Language getLanguage() {
        if (language == null) {
            Optional<Language> chosen = parameter();
            chosen.ifPresent(this::adopt);
            if (language == null) {
                language = remembered().orElse(Language.DEFAULT);
            }
        }
        return language;
    }

    public Locale getLocale() {
        return getLanguage().locale();
    }

    public Language[] getChoices() {
        return Language.values();
    }

    /** The address of this page in another language: the same path and query with {@code lang} set. */
    public String linkTo(Language choice) {
        HttpServletRequest request = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        // a clean address was forwarded to its view: link to the address the browser asked for
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String path = forwarded == null ? request.getRequestURI() : forwarded.toString();
        Object query = forwarded == null
                ? request.getQueryString()
                : request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        String otherParameters = query == null
                ? ""
                : Arrays.stream(query.toString().split("&"))
                        .filter(pair -> !pair.isEmpty() && !pair.equals(PARAMETER) && !pair.startsWith(PARAMETER + "="))
                        .map(pair -> pair + "&")
                        .collect(Collectors.joining());
        return path + "?" + otherParameters + PARAMETER + "=" + choice.code();
    }

    /** Takes a language for this request and remembers it in the browser, e.g. the one of a profile. */
    public void adopt(Language chosen) {
        language = chosen;
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.getViewRoot() != null) {
            faces.getViewRoot().setLocale(chosen.locale());
        }
        ExternalContext external = faces.getExternalContext();
        external.addResponseCookie(
                COOKIE,
                chosen.code(),
                Map.of(
                        "maxAge",
                        COOKIE_AGE_SECONDS,
                        "path",
                        external.getRequestContextPath().isEmpty() ? "/" : external.getRequestContextPath(),
                        "httpOnly",
                        true,
                        "SameSite",
                        "Lax"));
    }

    private static Optional<Language> parameter() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null
                ? Optional.empty()
                : Optional.ofNullable(faces.getExternalContext()
                                .getRequestParameterMap()
                                .get(PARAMETER))
                        .flatMap(Language::fromCode);
    }

    private static Optional<Language> remembered() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null
                ? Optional.empty()
                : remembered((HttpServletRequest) faces.getExternalContext().getRequest());
    }

    /** The language a visitor chose on this site before, from its cookie; also for requests outside Faces. */
    public static Optional<Language> remembered(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(cookie -> COOKIE.equals(cookie.getName()))
                        .findFirst()
                        .flatMap(cookie -> Language.fromCode(cookie.getValue()));
    }
}
