package ru.rassylka.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

/** Accounts for client-side tests: made verified through the test support, logged in through the form. */
public final class TestLogins {

    private final URI base;
    private final String password;

    /** Accounts of the application at {@code base}, all with this password. */
    public TestLogins(URI base, String password) {
        this.base = base;
        this.password = password;
    }

    /** A new verified account named after {@code name} with the given roles besides USER; answers its e-mail. */
    public String create(String name, String... roles) {
        String email = name + "-" + System.nanoTime() + "@example.org";
        HttpResponse<String> created = new WebClient(base)
                .post(
                        "test-support/users",
                        Map.of("email", email, "password", password, "roles", String.join(",", roles)));
        assertEquals(201, created.statusCode());
        return email;
    }

    /** A new session of the account, logged in through the login form. */
    public WebClient logIn(String email) {
        WebClient client = new WebClient(base);
        HttpResponse<String> response = client.logIn(email, password);
        assertEquals(302, response.statusCode(), "login of " + email + " failed: " + response.body());
        return client;
    }
}
