package ru.rassylka.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * The one authentication mechanism: the login page checks the credentials through the identity
 * store, the session keeps who logged in with their roles, and every later request of the
 * session hands both to the container. A protected page asked for without a login shows the
 * login page in its place (a forward, so the page knows where to return to; see
 * {@link LoginBacking}).
 *
 * <p>Written out instead of the built-in custom form mechanism: that one hands the container only
 * the caller of the session, and Payara then looks the roles up in a way that under concurrent
 * requests sometimes finds none, answering 403 to a logged-in user (payara/Payara#6145).
 */
@ApplicationScoped
public class SessionLogin implements HttpAuthenticationMechanism {

    static final String LOGIN_VIEW = "/login.xhtml";
    private static final String CALLER = SessionLogin.class.getName() + ".caller";

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                request.getSession(true)
                        .setAttribute(
                                CALLER,
                                new SessionCaller(
                                        result.getCallerPrincipal().getName(),
                                        new HashSet<>(result.getCallerGroups())));
            }
            return context.notifyContainerAboutLogin(result);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CALLER) instanceof SessionCaller caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.roles());
        }
        if (context.isProtected()) {
            return context.forward(LOGIN_VIEW);
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(CALLER);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /** Who logged in on a session, with the roles the identity store gave at that login. */
    record SessionCaller(String name, HashSet<String> groups) implements Serializable {

        SessionCaller {
            groups = new HashSet<>(groups);
        }

        Set<String> roles() {
            return Set.copyOf(groups);
        }
    }
}
