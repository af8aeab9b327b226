package ru.rassylka.account;

/** Where to send the browser after login: only a path inside this application, else its home page. */
public final class ReturnAddress {

    private ReturnAddress() {}

    public static String safe(String returnTo, String contextPath) {
        String home = contextPath + "/";
        if (returnTo == null || !returnTo.startsWith(home) || returnTo.startsWith("//")
                || returnTo.contains("\\") || returnTo.contains("://") || returnTo.chars().anyMatch(Character::isISOControl)) {
            return home;
        }
        return returnTo;
    }
}
