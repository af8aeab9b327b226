package ru.rassylka.testing;

import java.io.File;
import java.util.HashMap;
import java.util.Map;

/**
 * The real service, started once for all browser tests the way {@code ./run} starts it
 * ({@code payara-config/start.sh}), on its own PostgreSQL database (or, when the build runs the
 * tests on H2, the embedded database in its own folder) and in development mail mode.
 * It stops when the test JVM exits.
 */
public final class RunningService {

    /** The first administrator of the service, created from the environment on its first start. */
    public static final String ADMIN_EMAIL = "admin@e2e.example.org";

    public static final String ADMIN_PASSWORD = "e2e-admin-password";
    /** The token a metrics scraper of the service presents. */
    public static final String METRICS_TOKEN = "e2e-metrics-token-of-some-length";

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
        Map<String, String> settings = new HashMap<>();
        settings.put("PORT", port);
        settings.put("BASE_URL", "http://localhost:" + port);
        settings.put("ADMIN_EMAIL", ADMIN_EMAIL);
        settings.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        settings.put("PASSWORD_HASH_ITERATIONS", "1024");
        settings.put("METRICS_TOKEN", METRICS_TOKEN);
        // a run of 2,000 lasts about ten seconds, so a browser sees its progress; bursts of a second's worth keep small
        // runs instant
        settings.put("SEND_RATE_PER_SECOND", "200");
        if (!TestDatabases.onH2()) {
            settings.put("DB_HOST", System.getProperty("rassylka.testDb.host", "127.0.0.1"));
            settings.put("DB_PORT", System.getProperty("rassylka.testDb.port", "5432"));
            settings.put("DB_NAME", System.getProperty("rassylka.e2e.dbName", "rassylka_e2e"));
            settings.put("DB_USER", TestDatabases.user());
            settings.put("DB_PASSWORD", TestDatabases.password());
        }
        settings.put("DEV_SMTP_PORT", System.getProperty("rassylka.e2e.smtpPort", "12525"));
        settings.put("DATA_DIR", new File(buildDir, "e2e-data").getAbsolutePath());
        settings.put("JAVA_OPTS", "-Xmx768m");
        File log = new File(buildDir, "e2e-service.log");
        log.delete();
        ServiceProcess service = ServiceProcess.start(settings, log);
        Runtime.getRuntime().addShutdownHook(new Thread(service::stop));
        return service.baseUrl();
    }
}
