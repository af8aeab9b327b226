package ru.rassylka.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;

/** The logged-in user of this request, for views and backing beans. */
@Named
@RequestScoped
public class ActiveUser {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private Accounts accounts;

    private Optional<User> user;

    public boolean isLoggedIn() {
        return securityContext.getCallerPrincipal() != null;
    }

    public Optional<User> user() {
        if (user == null) {
            Principal principal = securityContext.getCallerPrincipal();
            user = principal == null
                    ? Optional.empty()
                    : lookedUpByTheFilter().or(() -> accounts.findByEmail(principal.getName()));
        }
        return user;
    }

    /** The account {@link ActiveAccountFilter} already loaded for this request, if it ran. */
    private Optional<User> lookedUpByTheFilter() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null
                ? Optional.empty()
                : Optional.ofNullable(
                        (User) faces.getExternalContext().getRequestMap().get(ActiveAccountFilter.ACCOUNT));
    }

    /** The time zone the user's dates are shown and typed in. */
    public String timeZone() {
        return user().map(User::getTimeZone).orElse(User.DEFAULT_TIME_ZONE);
    }

    public String getDisplayName() {
        return user().map(User::getDisplayName).orElse("");
    }

    public boolean isManager() {
        return securityContext.isCallerInRole(Role.Names.MANAGER);
    }

    public boolean isAdmin() {
        return securityContext.isCallerInRole(Role.Names.ADMIN);
    }

    /** Ends the session (a POST action) and shows the home page. */
    public String logout() throws ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return "/index?faces-redirect=true";
    }
}
