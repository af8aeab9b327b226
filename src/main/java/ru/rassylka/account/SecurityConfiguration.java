package ru.rassylka.account;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The roles of the application. The one authentication mechanism is {@link SessionLogin}, over
 * the one identity store, {@link AccountIdentityStore}.
 */
@DeclareRoles({Role.Names.USER, Role.Names.MANAGER, Role.Names.ADMIN})
@ApplicationScoped
public class SecurityConfiguration {}
