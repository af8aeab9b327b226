package ru.rassylka.account;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * The one authentication mechanism: our login page, shown in place of the protected page that
 * asked (a forward, so the page knows where to return to; see {@link LoginBacking}).
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = true))
@DeclareRoles({Role.Names.USER, Role.Names.MANAGER, Role.Names.ADMIN})
@ApplicationScoped
public class SecurityConfiguration {}
