package ru.rassylka.platform.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.faces.component.UIInput;
import jakarta.faces.convert.Converter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import ru.rassylka.testing.Bundles;

/** Every message a Faces converter or validator (and the PrimeFaces inputs in use) can show exists in Russian and English. */
class StandardMessagesTest {

    private static final List<String> PRIMEFACES_KEYS = List.of(
            "primefaces.calendar.INVALID",
            "primefaces.calendar.MIN_DATE",
            "primefaces.calendar.MAX_DATE",
            "primefaces.calendar.OUT_OF_RANGE",
            "primefaces.FileValidator.SIZE_LIMIT",
            "primefaces.FileValidator.ALLOW_TYPES",
            "primefaces.password.INVALID_MATCH");

    @Test
    void everyFacesConverterAndValidatorMessageIsTranslated() throws Exception {
        List<String> keys = facesMessageKeys();
        assertTrue(keys.contains("jakarta.faces.converter.DateTimeConverter.DATETIME"), keys.toString());
        assertTrue(keys.contains("jakarta.faces.validator.LengthValidator.MAXIMUM"), keys.toString());
        keys.addAll(PRIMEFACES_KEYS);
        Properties russian = Bundles.messages("ru");
        Properties english = Bundles.messages("en");
        for (String key : keys) {
            // Bean Validation's message comes through as it is: Bean Validation translates it itself
            String text = russian.getProperty(key, "");
            assertTrue(text.matches(".*\\p{IsCyrillic}.*") || text.equals("{0}"), "Russian text of " + key);
            assertFalse(english.getProperty(key, "").isBlank(), "English text of " + key);
        }
    }

    @Test
    void theMessageOfAnUnreadableDateNamesTheValueAndAnExampleInRussian() {
        assertEquals(
                "«{0}» — не дата и время. Пример: {1}.",
                Bundles.messages("ru").getProperty("jakarta.faces.converter.DateTimeConverter.DATETIME"));
    }

    /** The message ids that the Faces API declares on its converters, validators and inputs. */
    private static List<String> facesMessageKeys() throws Exception {
        List<String> keys = new ArrayList<>();
        String jar = Converter.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath();
        try (JarFile api = new JarFile(jar)) {
            for (String name : api.stream().map(entry -> entry.getName()).toList()) {
                if (name.matches("jakarta/faces/(convert|validator)/[A-Za-z]+\\.class")) {
                    keys.addAll(messageIds(Class.forName(name.replace('/', '.').replace(".class", ""))));
                }
            }
        }
        keys.addAll(messageIds(UIInput.class));
        keys.addAll(messageIds(jakarta.faces.component.UISelectOne.class));
        keys.addAll(messageIds(jakarta.faces.component.UISelectMany.class));
        return keys;
    }

    private static List<String> messageIds(Class<?> type) throws IllegalAccessException {
        List<String> ids = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers)
                    && Modifier.isStatic(modifiers)
                    && field.getType() == String.class
                    && field.getName().endsWith("_ID")
                    && field.get(null) instanceof String id
                    && id.matches("jakarta\\.faces\\.(converter|validator|component)\\..+")
                    && !id.equals(field.getName())) {
                ids.add(id);
            }
        }
        return ids;
    }
}
