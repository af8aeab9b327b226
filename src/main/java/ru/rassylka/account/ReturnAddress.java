package ru.rassylka.account;

/**
 * Where to send the browser after login: only a path inside this application other than the login
 * page itself (which one reaches by asking for it, not by being sent there), else its home page.
 */
public final class ReturnAddress {

    private ReturnAddress() {}

    public static String safe(String returnTo, String contextPath) {
        String home = contextPath + "/";
        if (returnTo == null
                || !returnTo.startsWith(home)
                || returnTo.startsWith("//")
                || returnTo.contains("\\")
                || returnTo.contains("://")
                || returnTo.chars().anyMatch(Character::isISOControl)
                || isLoginPage(returnTo.substring(contextPath.length()))) {
            return home;
        }
        return returnTo;
    }

    private static boolean isLoginPage(String path) {
        String page = path.split("[?#;]", 2)[0];
        return page.equals("/login") || page.equals("/login.xhtml");
    }
}
