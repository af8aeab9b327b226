package ru.rassylka.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ru.rassylka.testing.Bundles;

/** The import's size limit says the same thing in web.xml, in the code and in the messages. */
class ImportLimitsTest {

    @Test
    void theContainersMultipartLimitsAreTheImportsLimits() throws IOException {
        String webXml = Files.readString(Path.of("src/main/webapp/WEB-INF/web.xml"));

        assertEquals(ClientLimits.IMPORT_FILE_MAX_BYTES, element(webXml, "max-file-size"));
        assertEquals(ClientLimits.IMPORT_REQUEST_MAX_BYTES, element(webXml, "max-request-size"));
    }

    @Test
    void theMessagesNameTheLimitInMegabytes() {
        long megabytes = ClientLimits.IMPORT_FILE_MAX_BYTES / (1024 * 1024);

        assertEquals(
                "Файл больше " + megabytes + " МБ.", Bundles.messages("ru").getProperty("clients.import.tooLarge"));
        assertEquals(
                "The file is larger than " + megabytes + " MB.",
                Bundles.messages("en").getProperty("clients.import.tooLarge"));
    }

    private static long element(String xml, String name) {
        Matcher matcher =
                Pattern.compile("<" + name + ">\\s*(\\d+)\\s*</" + name + ">").matcher(xml);
        if (!matcher.find()) {
            throw new AssertionError("No " + name + " in web.xml");
        }
        return Long.parseLong(matcher.group(1));
    }
}
