package ru.rassylka.delivery;

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
                Duration.ofSeconds(Math.max(3, number(config, "send.lease.seconds", 300))),
                Math.max(1, number(config, "send.batch", 100)),
                Math.max(1, number(config, "smtp.recycle.after", 1000)),
                Math.max(1, number(config, "send.breaker.threshold", 3)),
                Duration.ofSeconds(number(config, "send.breaker.pause.seconds", 5)),
                config.getOptionalValue("unsubscribe.mailto", String.class).filter(address -> !address.isBlank()),
                config.getOptionalValue("instance.name", String.class).filter(name -> !name.isBlank())
                        .orElse(ManagementFactory.getRuntimeMXBean().getName()));
    }

    private static int number(Config config, String name, int fallback) {
        return config.getOptionalValue(name, Integer.class).orElse(fallback);
    }
}
