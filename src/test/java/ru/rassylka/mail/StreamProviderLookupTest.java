package ru.rassylka.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamProviderLookupTest {

    private static final String PROPERTY = StreamProvider.class.getName();
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(PROPERTY);
        System.clearProperty(PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, before);
        }
    }

    @Test
    void theShippedProviderIsNamedSoThatMailFindsItWithoutScanningJars() {
        StreamProviderLookup.nameTheProvider();

        assertEquals(StreamProviderLookup.ANGUS_PROVIDER, System.getProperty(PROPERTY));
        assertEquals(
                StreamProviderLookup.ANGUS_PROVIDER,
                StreamProvider.provider().getClass().getName());
    }

    @Test
    void aProviderNamedByTheOperatorIsKept() {
        System.setProperty(PROPERTY, "com.example.OwnStreamProvider");

        StreamProviderLookup.nameTheProvider();

        assertEquals("com.example.OwnStreamProvider", System.getProperty(PROPERTY));
    }
}
