package ru.rassylka.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The real service, started once for all browser tests the way {@code ./run} starts it
 * ({@code payara-config/start.sh}), on its own PostgreSQL database and in development mail mode.
 * It stops when the test JVM exits.
 */
public final class RunningService {

    /** The first administrator of the service, created from the environment on its first start. */
    public static final String ADMIN_EMAIL = "admin@e2e.example.org";
    public static final String ADMIN_PASSWORD = "e2e-admin-password";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);
    private static String baseUrl;

    private RunningService() {}

    /** The service's address, e.g. {@code http://localhost:18080}; starts the service on first use. */
    public static synchronized String baseUrl() {
        if (baseUrl == null) {
            baseUrl = start();
        }
        return baseUrl;
    }

    private static String start() {
        String port = System.getProperty("rassylka.e2e.port", "18080");
        File buildDir = new File(System.getProperty("rassylka.buildDir", "target"));
        File configDir = new File(System.getProperty("rassylka.configDir", "payara-config"));
        ProcessBuilder builder = new ProcessBuilder("bash", new File(configDir, "start.sh").getAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(new File(buildDir, "e2e-service.log"));
        Map<String, String> environment = builder.environment();
        environment.remove("SMTP_HOST");
        environment.remove("SMTP_PORT");
        environment.remove("SMTP_TLS");
        environment.put("PORT", port);
        environment.put("BASE_URL", "http://localhost:" + port);
        environment.put("ADMIN_EMAIL", ADMIN_EMAIL);
        environment.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("PASSWORD_HASH_ITERATIONS", "1024");
        environment.put("DB_HOST", System.getProperty("rassylka.testDb.host", "127.0.0.1"));
        environment.put("DB_PORT", System.getProperty("rassylka.testDb.port", "5432"));
        environment.put("DB_NAME", System.getProperty("rassylka.e2e.dbName", "rassylka_e2e"));
        environment.put("DB_USER", TestDatabases.user());
        environment.put("DB_PASSWORD", TestDatabases.password());
        environment.put("DEV_SMTP_PORT", System.getProperty("rassylka.e2e.smtpPort", "12525"));
        environment.put("DATA_DIR", new File(buildDir, "e2e-data").getAbsolutePath());
        environment.put("JAVA_OPTS", "-Xmx768m");
        // a run of 2,000 lasts about ten seconds, so a browser sees its progress; bursts of a second's worth keep small runs instant
        environment.put("SEND_RATE_PER_SECOND", "200");
        try {
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            String url = "http://localhost:" + port;
            awaitReady(process, url);
            return url;
        } catch (IOException e) {
            throw new IllegalStateException("The service could not be started", e);
        }
    }

    private static void awaitReady(Process process, String url) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service stopped while starting; see target/e2e-service.log");
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url + "/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        process.destroy();
        throw new IllegalStateException("The service did not answer within " + STARTUP_TIMEOUT + "; see target/e2e-service.log");
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
