package ru.rassylka.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import ru.rassylka.platform.i18n.ActiveLanguage;
import ru.rassylka.platform.web.Pages;

/** The login page: authenticates through the container and returns to the page that asked. */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private LoginOutcome outcome;

    @Inject
    private Accounts accounts;

    @Inject
    private ActiveLanguage activeLanguage;

    @NotBlank
    private String email;

    @NotBlank
    private String password;

    private String refused;

    /** The page to return to after login: the protected page this login form was shown for. */
    private String returnTo;

    /** Remembers the protected page that asked, and explains why an open session was ended. */
    public void onLoad() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.isPostback()) {
            return;
        }
        if ("blocked".equals(refused)) {
            Pages.error("login.sessionEnded");
        } else if ("changed".equals(refused)) {
            Pages.error("login.sessionChanged");
        }
        Map<String, Object> attributes = faces.getExternalContext().getRequestMap();
        Object uri = attributes.get(RequestDispatcher.FORWARD_REQUEST_URI);
        Object query = attributes.get(RequestDispatcher.FORWARD_QUERY_STRING);
        if (uri != null) {
            returnTo = query == null ? uri.toString() : uri + "?" + query;
        }
    }

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = securityContext.authenticate(
                request,
                response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(email, new Password(password)))
                        .newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> {
                loggedIn(request);
                faces.responseComplete();
            }
            case SUCCESS -> {
                loggedIn(request);
                external.redirect(ReturnAddress.safe(returnTo, external.getRequestContextPath()));
            }
            default -> refused();
        }
    }

    /** A new session id against session fixation, and the interface in the account's language. */
    private void loggedIn(HttpServletRequest request) {
        request.getSession(true);
        request.changeSessionId();
        accounts.findByEmail(email).ifPresent(user -> {
            activeLanguage.adopt(user.getLanguage());
            SessionEpoch.keep(request.getSession(), user);
        });
    }

    private void refused() {
        switch (outcome.refusal().orElse(LoginRefusal.BAD_CREDENTIALS)) {
            case LOCKED -> Pages.error("login.locked", minutesLeft());
            case UNVERIFIED -> Pages.error("login.unverified");
            case BLOCKED -> Pages.error("login.blocked");
            default -> Pages.error("login.failed");
        }
    }

    private long minutesLeft() {
        Duration left = Duration.between(Instant.now(), outcome.lockedUntil().orElse(Instant.now()));
        return Math.max(1, (left.toSeconds() + 59) / 60);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getReturnTo() {
        return returnTo;
    }

    public void setReturnTo(String returnTo) {
        this.returnTo = returnTo;
    }

    public String getRefused() {
        return refused;
    }

    public void setRefused(String refused) {
        this.refused = refused;
    }
}
