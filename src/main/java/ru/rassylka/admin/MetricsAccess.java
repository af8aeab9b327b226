package ru.rassylka.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Who may read {@code /metrics}: a logged-in administrator, or a scraper with the configured token. */
final class MetricsAccess {

    private static final String BEARER = "Bearer ";

    private MetricsAccess() {}

    /** {@code authorization} is the request's Authorization header, if any. */
    static boolean allows(boolean administrator, Optional<String> token, String authorization) {
        if (administrator) {
            return true;
        }
        if (token.isEmpty()
                || token.get().isBlank()
                || authorization == null
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        // in constant time, so that the answer's timing does not tell how much of a guess was right
        return MessageDigest.isEqual(
                token.get().strip().getBytes(StandardCharsets.UTF_8),
                authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8));
    }
}
