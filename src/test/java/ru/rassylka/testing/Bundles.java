package ru.rassylka.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The interface texts of one language as the build packs them. */
public final class Bundles {

    private Bundles() {}

    public static Properties messages(String language) {
        Properties properties = new Properties();
        try (InputStream in = Bundles.class.getResourceAsStream("/i18n/messages_" + language + ".properties");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
