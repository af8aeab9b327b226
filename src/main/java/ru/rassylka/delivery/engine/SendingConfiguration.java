package ru.rassylka.delivery.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the sending settings from the environment once. */
@ApplicationScoped
public class SendingConfiguration {

    static final int INSTANCE_NAME_MAX = 64;

    @Produces
    @Singleton
    SendingSettings settings() {
        Config config = ConfigProvider.getConfig();
        RetryPolicy retry = new RetryPolicy(
                number(config, "send.max.attempts", 5),
                Duration.ofSeconds(number(config, "send.retry.delay.seconds", 60)),
                Duration.ofSeconds(number(config, "send.retry.max.delay.seconds", 3600)));
        return new SendingSettings(
                Math.max(1, number(config, "send.concurrency", 4)),
                config.getOptionalValue("send.rate.per.second", Double.class).orElse(0.0),
                retry,
                // at least 3 s: the heartbeat renews a lease three times over its length
                Duration.ofSeconds(Math.max(3, number(config, "send.lease.seconds", 30))),
                Math.max(1, number(config, "send.batch", 100)),
                Math.max(1, number(config, "smtp.recycle.after", 1000)),
                Math.max(1, number(config, "send.breaker.threshold", 3)),
                Duration.ofSeconds(number(config, "send.breaker.pause.seconds", 5)),
                config.getOptionalValue("unsubscribe.mailto", String.class).filter(address -> !address.isBlank()),
                config.getOptionalValue("instance.name", String.class)
                        .filter(name -> !name.isBlank())
                        .orElseGet(() -> defaultInstanceName(
                                ManagementFactory.getRuntimeMXBean().getName(), number(config, "port", 8080))),
                config.getOptionalValue("send.handover.mark", Boolean.class).orElse(true));
    }

    /**
     * The host and the HTTP port, as the cluster names a member ({@code payara-config/start.sh}):
     * the same after a restart, so the instance gives back at once what it left SENDING. The JVM
     * names itself {@code pid@host}; the pid changes with every start.
     */
    static String defaultInstanceName(String jvmName, int port) {
        String host = jvmName.substring(jvmName.indexOf('@') + 1);
        String suffix = "-" + port;
        // delivery.claimed_by holds 64 characters
        return host.substring(0, Math.min(host.length(), INSTANCE_NAME_MAX - suffix.length())) + suffix;
    }

    private static int number(Config config, String name, int fallback) {
        return config.getOptionalValue(name, Integer.class).orElse(fallback);
    }
}
