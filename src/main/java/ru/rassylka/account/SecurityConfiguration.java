package ru.rassylka.account;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/** The one authentication mechanism: our login page, returning to the page that asked for it. */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login", errorPage = "", useForwardToLogin = false))
@DeclareRoles({Role.Names.USER, Role.Names.MANAGER, Role.Names.ADMIN})
@ApplicationScoped
public class SecurityConfiguration {}
