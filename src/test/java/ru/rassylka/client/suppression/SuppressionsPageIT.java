package ru.rassylka.client.suppression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import ru.rassylka.testing.Deployments;
import ru.rassylka.testing.TestLogins;
import ru.rassylka.testing.WebClient;

/** The suppressions page and its export over HTTP, in both languages, and the DKIM record on the health page. */
@ArquillianTest
@RunAsClient
class SuppressionsPageIT {

    private static final String PASSWORD = "suppressions password";

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    private URL base;

    private TestLogins logins() {
        return new TestLogins(URI.create(base.toString()), PASSWORD);
    }

    @Test
    void anOwnerAddsAnAddressOnThePageSeesItInRussianAndEnglishAndExportsIt() {
        WebClient owner = logins().logIn(logins().create("page-owner"));
        String page = owner.get("suppressions/").body();
        assertTrue(page.contains("Список исключений"), page);
        assertTrue(page.contains("id=\"nav-suppressions\""), "the menu links the page");
        String address = "blocked-" + System.nanoTime() + "@example.net";

        HttpResponse<String> added =
                owner.ajax("suppressions/", page, "add", "add:addButton", "@all", Map.of("add:address", address));

        assertTrue(added.body().contains(address), added.body());
        assertTrue(added.body().contains("добавлен вручную"), "the reason in Russian: " + added.body());
        String english = owner.get("suppressions/?lang=en").body();
        assertTrue(
                english.contains("Suppression list") && english.contains(address) && english.contains("added by hand"),
                english);
        HttpResponse<String> csv = owner.get("suppressions/export");
        assertEquals(200, csv.statusCode());
        assertTrue(
                csv.body().startsWith("\uFEFFemail,reason,created_at")
                        || csv.body().startsWith("email,reason,created_at"),
                csv.body());
        assertTrue(csv.body().contains(address + ",MANUAL,"), csv.body());

        WebClient stranger = logins().logIn(logins().create("page-stranger"));
        assertFalse(stranger.get("suppressions/export").body().contains(address), "another owner's export");
        assertFalse(stranger.get("suppressions/").body().contains(address), "another owner's page");
        assertFalse(
                new WebClient(URI.create(base.toString()))
                        .get("suppressions/export")
                        .body()
                        .contains(address),
                "an anonymous visitor");
    }

    @Test
    void theAdministratorsHealthPageShowsTheDkimRecordToPublish() {
        WebClient admin = logins().logIn(logins().create("dkim-admin", "ADMIN"));
        String details = admin.get("admin/health").body();
        assertTrue(details.contains("\"name\":\"dkim\",\"status\":\"UP\",\"signing\":true"), details);
        assertTrue(details.contains("\"dnsName\":\"test2026._domainkey.rassylka.example.org\""), details);
        assertTrue(details.contains("\"dnsTxt\":\"v=DKIM1; k=rsa; p="), details);
    }
}
