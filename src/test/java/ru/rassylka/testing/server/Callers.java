package ru.rassylka.testing.server;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.function.Supplier;
import javax.security.auth.Subject;
import ru.rassylka.account.Role;
import ru.rassylka.account.User;

/**
 * Runs in-container test code as a logged-in account. The container's security context then holds
 * the account's e-mail as the caller and its roles as groups, as after a login through the login
 * page, so services see that caller and their {@code @RolesAllowed} checks run for real.
 *
 * <p>Payara keeps that context in a class of its own, which applications do not compile against;
 * it is reached by name.
 */
public final class Callers {

    private static final String CONTEXT = "com.sun.enterprise.security.SecurityContext";
    private static final String GROUP = "org.glassfish.security.common.Group";

    private Callers() {}

    /** The work's answer, computed as the account. */
    public static <T> T as(User account, Supplier<T> work) {
        try {
            Class<?> context = Class.forName(CONTEXT);
            Method current = context.getMethod("getCurrent");
            Method setCurrent = context.getMethod("setCurrent", context);
            Object before = current.invoke(null);
            setCurrent.invoke(null, contextOf(context, account));
            try {
                return work.get();
            } finally {
                setCurrent.invoke(null, before);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The container's security context cannot be set", e);
        }
    }

    /** Does the work as the account. */
    public static void as(User account, Runnable work) {
        as(account, () -> {
            work.run();
            return null;
        });
    }

    private static Object contextOf(Class<?> context, User account) throws ReflectiveOperationException {
        Constructor<?> group = Class.forName(GROUP).getConstructor(String.class);
        Subject subject = new Subject();
        for (Role role : account.getRoles()) {
            subject.getPrincipals().add((Principal) group.newInstance(role.name()));
        }
        return context.getConstructor(String.class, Subject.class).newInstance(account.getEmail(), subject);
    }
}
