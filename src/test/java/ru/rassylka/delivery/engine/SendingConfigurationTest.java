package ru.rassylka.delivery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SendingConfigurationTest {

    @Test
    void defaultInstanceNameIsTheHostAndPortSoARestartKeepsIt() {
        assertEquals("mailer-8080", SendingConfiguration.defaultInstanceName("4242@mailer", 8080));
        assertEquals(
                SendingConfiguration.defaultInstanceName("4242@mailer", 8080),
                SendingConfiguration.defaultInstanceName("5151@mailer", 8080));
        assertNotEquals(
                SendingConfiguration.defaultInstanceName("4242@mailer", 8080),
                SendingConfiguration.defaultInstanceName("4242@mailer", 8081),
                "two instances on one host listen on two ports");
    }

    @Test
    void aLongHostNameIsCutSoTheNameFitsTheLeaseColumn() {
        String name = SendingConfiguration.defaultInstanceName("1@" + "h".repeat(100), 18080);

        assertEquals(SendingConfiguration.INSTANCE_NAME_MAX, name.length());
        assertEquals(true, name.endsWith("h-18080"), name);
    }
}
