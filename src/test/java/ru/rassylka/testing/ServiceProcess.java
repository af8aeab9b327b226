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
import java.util.concurrent.TimeUnit;

/**
 * The service started by {@code payara-config/start.sh}, the way {@code ./run} starts it: only the
 * given settings are in its environment (none of the build's database or mail settings leak in).
 */
public final class ServiceProcess {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);
    // Settings start.sh reads; the test JVM's environment may carry some of them for the container tests
    private static final String[] SETTINGS = {
        "PORT",
        "BASE_URL",
        "DATA_DIR",
        "JAVA_OPTS",
        "CLUSTER",
        "ADMIN_EMAIL",
        "ADMIN_PASSWORD",
        "PASSWORD_HASH_ITERATIONS",
        "DEV_SMTP_PORT",
        "MAIL_FROM",
        "H2_FILE",
        "RUNTIME_DIR",
        "WAR_FILE",
        "METRICS_TOKEN",
        "UNSUBSCRIBE_SIGNING_KEY",
        "UNSUBSCRIBE_SIGNING_KEY_PREVIOUS"
    };

    private final Process process;
    private final String baseUrl;
    private final File log;

    private ServiceProcess(Process process, String baseUrl, File log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** Starts the service with these settings on {@code PORT}, writing its output to {@code log}, and waits for its home page. */
    public static ServiceProcess start(Map<String, String> settings, File log) {
        File configDir = new File(System.getProperty("rassylka.configDir", "payara-config"));
        ProcessBuilder builder = new ProcessBuilder("bash", new File(configDir, "start.sh").getAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        Map<String, String> environment = builder.environment();
        // the build's return path domain of the container tests would hide the development default
        environment
                .keySet()
                .removeIf(name -> name.startsWith("DB_") || name.startsWith("SMTP_") || name.startsWith("BOUNCE_"));
        for (String name : SETTINGS) {
            environment.remove(name);
        }
        environment.putAll(settings);
        String url = "http://localhost:" + settings.getOrDefault("PORT", "8080");
        try {
            ServiceProcess service = new ServiceProcess(builder.start(), url, log);
            service.awaitReady();
            return service;
        } catch (IOException e) {
            throw new IllegalStateException("The service could not be started", e);
        }
    }

    /** The service's address, e.g. {@code http://localhost:18080}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Stops the service as Ctrl-C does and waits until it has exited. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitReady() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service stopped while starting; see " + log);
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/")).build(),
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
        stop();
        throw new IllegalStateException("The service did not answer within " + STARTUP_TIMEOUT + "; see " + log);
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
