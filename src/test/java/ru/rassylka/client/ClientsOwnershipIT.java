package ru.rassylka.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.rassylka.testing.Deployments;
import ru.rassylka.testing.WebClient;

/** Two logged-in users over real HTTP: one never sees or changes the other's clients. */
@ArquillianTest
@RunAsClient
class ClientsOwnershipIT {

    private static final String PASSWORD = "ownership password";
    // A browser posts the page's script nonce back (PrimeFaces checks it); so do these requests
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final Pattern EDIT_LINK = Pattern.compile("edit\\?id=(\\d+)\"[^>]*>([^<]+)<");

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    private URL base;

    private WebClient anna;
    private WebClient boris;
    private long annasClient;

    @BeforeEach
    void twoUsersWithAClientEach() {
        anna = loggedIn("anna");
        boris = loggedIn("boris");
        annasClient = createThroughTheForm(anna, "annas.client@example.org", "Клиент Анны");
        createThroughTheForm(boris, "boris.client@example.org", "Клиент Бориса");
    }

    @Test
    void foreignOrUnknownIdInTheEditPageGives404() {
        HttpResponse<String> foreign = boris.get("clients/edit?id=" + annasClient);
        assertEquals(404, foreign.statusCode());
        assertTrue(foreign.body().contains("id=\"error-heading\""), "the not-found page is shown");
        assertTrue(!foreign.body().contains("annas.client@example.org"));
        assertEquals(404, boris.get("clients/edit?id=999999999").statusCode());
        assertEquals(200, anna.get("clients/edit?id=" + annasClient).statusCode());
        assertTrue(!boris.getFollowingFolderRedirect("clients").body().contains("annas.client@example.org"));
    }

    @Test
    void forgedPostsWithAForeignIdChangeAndDeleteNothing() {
        long borisClient = idOf(boris, "boris.client@example.org");
        String page = boris.get("clients/edit?id=" + borisClient).body();

        Map<String, String> save = form(page, "annas.client@example.org", "Перехвачен");
        save.put("id", String.valueOf(annasClient));
        save.put("client:save", "");
        HttpResponse<String> saved = boris.post("clients/edit", save);

        Map<String, String> delete = form(page, "", "");
        delete.put("id", String.valueOf(annasClient));
        delete.put("client:delete", "");
        HttpResponse<String> deleted = boris.post("clients/edit", delete);

        assertEquals(404, saved.statusCode());
        assertEquals(404, deleted.statusCode());
        String annasPage = anna.get("clients/edit?id=" + annasClient).body();
        assertTrue(annasPage.contains("value=\"annas.client@example.org\""), "Anna's client keeps its address");
        assertTrue(annasPage.contains("value=\"Клиент Анны\""), "Anna's client keeps its name");
        assertEquals(borisClient, idOf(boris, "boris.client@example.org"), "Boris's own client is untouched too");
    }

    @Test
    void deleteFromTheListActsOnlyOnRowsOfTheCallersOwnPage() {
        String list = boris.getFollowingFolderRedirect("clients").body();
        Map<String, String> choose = new LinkedHashMap<>();
        choose.put("jakarta.faces.partial.ajax", "true");
        choose.put("jakarta.faces.source", "clients:table:0:delete");
        choose.put("jakarta.faces.partial.execute", "clients:table:0:delete");
        choose.put("jakarta.faces.partial.render", "deleteForm");
        choose.put("clients:table:0:delete", "clients:table:0:delete");
        choose.put("clients", "clients");
        // a forged row key or id names Anna's client; the row is taken from the page Boris was shown
        choose.put("clients:table_rowKey", String.valueOf(annasClient));
        choose.put("id", String.valueOf(annasClient));
        choose.put("jakarta.faces.ViewState", WebClient.viewState(list));
        choose.put("primefaces.nonce", nonce(list));
        HttpResponse<String> chosen = boris.post("clients/", choose);
        assertTrue(chosen.body().contains("boris.client@example.org"), chosen.body());

        Map<String, String> confirm = new LinkedHashMap<>();
        confirm.put("jakarta.faces.partial.ajax", "true");
        confirm.put("jakarta.faces.source", "deleteForm:confirm");
        confirm.put("jakarta.faces.partial.execute", "deleteForm:confirm");
        confirm.put("deleteForm:confirm", "deleteForm:confirm");
        confirm.put("deleteForm", "deleteForm");
        confirm.put("id", String.valueOf(annasClient));
        confirm.put("jakarta.faces.ViewState", WebClient.viewState(list));
        confirm.put("primefaces.nonce", nonce(list));
        assertEquals(200, boris.post("clients/", confirm).statusCode());

        assertEquals(200, anna.get("clients/edit?id=" + annasClient).statusCode(), "Anna's client is still there");
        assertTrue(
                !boris.getFollowingFolderRedirect("clients").body().contains("boris.client@example.org"),
                "the row Boris chose is what was deleted");
    }

    private long createThroughTheForm(WebClient client, String email, String fullName) {
        String page = client.get("clients/edit").body();
        Map<String, String> form = form(page, email, fullName);
        form.put("client:save", "");
        HttpResponse<String> response = client.post("clients/edit", form);
        assertEquals(302, response.statusCode(), response.body());
        return idOf(client, email);
    }

    private static long idOf(WebClient client, String email) {
        Matcher links =
                EDIT_LINK.matcher(client.getFollowingFolderRedirect("clients").body());
        while (links.find()) {
            if (links.group(2).equals(email)) {
                return Long.parseLong(links.group(1));
            }
        }
        throw new AssertionError("No client " + email + " in the list");
    }

    private static Map<String, String> form(String page, String email, String fullName) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client", "client");
        form.put("client:email", email);
        form.put("client:fullName", fullName);
        form.put("client:comment", "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(page));
        form.put("primefaces.nonce", nonce(page));
        return form;
    }

    private static String nonce(String page) {
        Matcher nonce = NONCE.matcher(page);
        if (!nonce.find()) {
            throw new AssertionError("No script nonce in the page");
        }
        return nonce.group(1);
    }

    private WebClient loggedIn(String name) {
        String email = name + "-" + System.nanoTime() + "@example.org";
        HttpResponse<String> created =
                new WebClient(uri()).post("test-support/users", Map.of("email", email, "password", PASSWORD));
        assertEquals(201, created.statusCode());
        WebClient client = new WebClient(uri());
        assertEquals(302, client.logIn(email, PASSWORD).statusCode());
        return client;
    }

    private URI uri() {
        return URI.create(base.toString());
    }
}
