package ru.rassylka.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PBKDF2-HMAC-SHA512 password hashes (Jakarta Security's {@link Pbkdf2PasswordHash}); the
 * iteration count comes from {@code PASSWORD_HASH_ITERATIONS} and defaults to 210,000.
 */
@ApplicationScoped
public class PasswordHasher {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    @Inject
    private Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "password.hash.iterations", defaultValue = "210000")
    private int iterations;

    /** Checked for unknown e-mail addresses too, so both answers take the same time. */
    private String decoy;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = hash.generate(Tokens.newSecret().toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String storedHash) {
        return hash.verify(password.toCharArray(), storedHash);
    }

    /** Spends the time of a real check and answers no. */
    public boolean matchesNothing(String password) {
        hash.verify(password.toCharArray(), decoy);
        return false;
    }

    public static boolean isAcceptable(String password) {
        return password != null && password.length() >= MIN_LENGTH && password.length() <= MAX_LENGTH;
    }
}
