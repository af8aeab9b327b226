package ru.rassylka.mailing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.Year;
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
import ru.rassylka.account.User;
import ru.rassylka.client.Client;
import ru.rassylka.message.Message;
import ru.rassylka.testing.Deployments;
import ru.rassylka.testing.WebClient;

/**
 * Two logged-in users over real HTTP: user B with user A's ids on every message and mailing page
 * and action gets 404 and A's data stays as it was; B's mailing form with A's message or client is
 * refused; a manager cannot open another user's mailing for editing either. The workspace forms
 * take their limits from the entities, and a value beyond one is refused whatever the browser sent.
 */
@ArquillianTest
@RunAsClient
class WorkspaceOwnershipIT {

    private static final String PASSWORD = "ownership password";
    private static final String FIRST_SEND =
            LocalDateTime.of(Year.now().getValue() + 1, 3, 1, 9, 0).toString();

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    private URL base;

    private String a;
    private String b;
    private WebClient userB;
    private long aClient;
    private long aMessage;
    private long aMailing;
    private long bMessage;
    private long bMailing;

    @BeforeEach
    void twoUsersWithTheirOwnWork() {
        a = createUser("a");
        b = createUser("b");
        aClient = prepare("client", Map.of("owner", a, "email", "client-of-a@example.org", "name", "Клиент А"));
        aMessage = prepare("message", Map.of("owner", a, "subject", "Тема А", "body", "Текст А"));
        aMailing = prepare(
                "mailing",
                Map.of(
                        "owner",
                        a,
                        "name",
                        "Рассылка А",
                        "message",
                        String.valueOf(aMessage),
                        "client",
                        String.valueOf(aClient),
                        "first",
                        FIRST_SEND,
                        "periodicity",
                        "WEEKLY"));
        bMessage = prepare("message", Map.of("owner", b, "subject", "Тема Б", "body", "Текст Б"));
        bMailing = prepare(
                "mailing",
                Map.of(
                        "owner",
                        b,
                        "name",
                        "Рассылка Б",
                        "message",
                        String.valueOf(bMessage),
                        "first",
                        FIRST_SEND,
                        "periodicity",
                        "ONCE"));
        userB = loggedIn(b);
    }

    @Test
    void anotherUsersIdsOnEveryPageAnswer404() {
        for (String page : new String[] {
            "messages/" + aMessage,
            "messages/view?id=" + aMessage,
            "messages/edit?id=" + aMessage,
            "mailings/" + aMailing,
            "mailings/view?id=" + aMailing,
            "mailings/edit?id=" + aMailing
        }) {
            assertEquals(404, userB.get(page).statusCode(), page);
        }
        WebClient userA = loggedIn(a);
        assertEquals(200, userA.get("messages/" + aMessage).statusCode(), "the owner sees the message");
        assertEquals(200, userA.get("mailings/edit?id=" + aMailing).statusCode(), "the owner edits the mailing");
    }

    @Test
    void listsShowOnlyTheCallersOwnWork() {
        WebClient userA = loggedIn(a);
        String aMessages = userA.getFollowingFolderRedirect("messages").body();
        String aMailings = userA.getFollowingFolderRedirect("mailings").body();
        String bMessages = userB.getFollowingFolderRedirect("messages").body();
        String bMailings = userB.getFollowingFolderRedirect("mailings").body();

        assertTrue(aMessages.contains("Тема А") && !aMessages.contains("Тема Б"), aMessages);
        assertTrue(aMailings.contains("Рассылка А") && !aMailings.contains("Рассылка Б"), aMailings);
        assertTrue(bMessages.contains("Тема Б") && !bMessages.contains("Тема А"), bMessages);
        assertTrue(bMailings.contains("Рассылка Б") && !bMailings.contains("Рассылка А"), bMailings);
        assertTrue(aMailings.contains("Создана"), "the computed status is shown");
    }

    @Test
    void anotherUsersIdsInEveryActionAnswer404AndChangeNothing() {
        String mailingBefore = inspect("mailing", aMailing);
        String messageBefore = inspect("message", aMessage);

        for (String button : new String[] {"actions:pause", "actions:delete"}) {
            String page = userB.get("mailings/" + bMailing).body();
            assertEquals(
                    404, postWithForeignId("mailings/view", page, "actions", Map.of(button, ""), aMailing), button);
        }
        String editMailing = userB.get("mailings/edit?id=" + bMailing).body();
        assertEquals(
                404, postWithForeignId("mailings/edit", editMailing, "mailing", mailingForm(bMessage, null), aMailing));

        String viewMessage = userB.get("messages/" + bMessage).body();
        assertEquals(
                404,
                postWithForeignId("messages/view", viewMessage, "actions", Map.of("actions:delete", ""), aMessage));
        String editMessage = userB.get("messages/edit?id=" + bMessage).body();
        assertEquals(
                404,
                postWithForeignId(
                        "messages/edit",
                        editMessage,
                        "message",
                        Map.of(
                                "message:subject",
                                "Взлом",
                                "message:body",
                                "Взлом",
                                "message:kind",
                                "PLAIN_TEXT",
                                "message:save",
                                ""),
                        aMessage));

        assertEquals(mailingBefore, inspect("mailing", aMailing));
        assertEquals(messageBefore, inspect("message", aMessage));
        assertTrue(
                inspect("mailing", bMailing).endsWith("|false|false|false"), "B's own mailing was not touched either");
    }

    @Test
    void mailingFormWithAnotherUsersMessageOrClientIsRefused() {
        String refusedMessage = submitNewMailing(mailingForm(aMessage, null));
        String refusedClient = submitNewMailing(mailingForm(bMessage, aClient));

        assertTrue(refusedMessage.contains("Такого сообщения нет среди ваших сообщений."), refusedMessage);
        assertTrue(refusedClient.contains("Такого клиента нет среди ваших клиентов."), refusedClient);
        assertEquals(
                "1",
                new WebClient(uri())
                        .get("test-support/workspace/mailings?owner=" + b)
                        .body(),
                "nothing was created");

        String page = userB.get("mailings/edit").body();
        HttpResponse<String> accepted =
                userB.post("mailings/edit", WebClient.form(page, "mailing", mailingForm(bMessage, null)));
        assertEquals(302, accepted.statusCode(), "the same form with B's own message is accepted: " + accepted.body());
        assertEquals(
                "2",
                new WebClient(uri())
                        .get("test-support/workspace/mailings?owner=" + b)
                        .body());
    }

    @Test
    void managerCannotOpenAnotherUsersMailingForEditing() {
        WebClient manager = loggedIn(createUser("manager", "MANAGER"));

        assertEquals(404, manager.get("mailings/edit?id=" + aMailing).statusCode());
        assertEquals(404, manager.get("mailings/" + aMailing).statusCode());
        assertEquals(403, userB.get("manage/mailings").statusCode(), "a plain user has no manager page");
        HttpResponse<String> oversight = manager.get("manage/mailings");
        assertEquals(200, oversight.statusCode());
        assertTrue(
                oversight.body().contains("Рассылка А"),
                "the manager sees it in the read-only list: " + oversight.body());
    }

    @Test
    void workspaceFormsTakeTheirLengthLimitsFromTheEntities() {
        String mailing = userB.get("mailings/edit").body();
        String message = userB.get("messages/edit").body();
        String client = userB.get("clients/edit").body();
        String profile = userB.getFollowingFolderRedirect("profile").body();

        assertEquals(String.valueOf(Mailing.NAME_MAX), maxlength(mailing, "mailing:name"));
        assertEquals(String.valueOf(Message.SUBJECT_MAX), maxlength(message, "message:subject"));
        assertEquals(String.valueOf(Message.BODY_MAX), maxlength(message, "message:body"));
        assertEquals(String.valueOf(Client.EMAIL_MAX), maxlength(client, "client:email"));
        assertEquals(String.valueOf(Client.FULL_NAME_MAX), maxlength(client, "client:fullName"));
        assertEquals(String.valueOf(Client.COMMENT_MAX), maxlength(client, "client:comment"));
        assertEquals(String.valueOf(User.PHONE_MAX), maxlength(profile, "profile:phone"));
        assertTrue(
                Pattern.compile("<label[^>]*for=\"mailing:name\"[^>]*>(?:(?!</label>).)*ui-outputlabel-rfi")
                        .matcher(mailing)
                        .find(),
                "the name is marked as required, from the entity's @NotBlank: " + mailing);
    }

    @Test
    void aMailingNameBeyondTheEntityLimitIsNeverStoredAndABlankOneIsRefusedWithAMessage() {
        String longest = "Я".repeat(Mailing.NAME_MAX);
        Map<String, String> tooLong = mailingForm(bMessage, null);
        tooLong.put("mailing:name", longest + "Я");
        Map<String, String> blank = mailingForm(bMessage, null);
        blank.put("mailing:name", " ");

        String refusedBlank = submitNewMailing(blank);
        assertTrue(refusedBlank.contains("Заполните это поле."), refusedBlank);
        assertEquals(
                "1",
                new WebClient(uri())
                        .get("test-support/workspace/mailings?owner=" + b)
                        .body(),
                "nothing was created");

        // PrimeFaces holds a posted value to the field's maxlength, which comes from the entity
        String page = userB.get("mailings/edit").body();
        HttpResponse<String> cut = userB.post("mailings/edit", WebClient.form(page, "mailing", tooLong));
        assertEquals(302, cut.statusCode(), cut.body());
        long created = Long.parseLong(
                cut.headers().firstValue("Location").orElseThrow().replaceAll("^.*\\D(\\d+)\\D*$", "$1"));
        assertEquals(longest, inspect("mailing", created).split("\\|")[0]);

        // any other caller meets the entity's own constraint: refused, nothing stored
        HttpResponse<String> refused = new WebClient(uri())
                .post(
                        "test-support/workspace/mailing",
                        Map.of(
                                "owner",
                                b,
                                "name",
                                longest + "Я",
                                "message",
                                String.valueOf(bMessage),
                                "first",
                                FIRST_SEND,
                                "periodicity",
                                "ONCE"));
        assertNotEquals(201, refused.statusCode());
        assertEquals(
                "2",
                new WebClient(uri())
                        .get("test-support/workspace/mailings?owner=" + b)
                        .body());
    }

    /** The maxlength attribute of the form field with this id, as the page renders it. */
    private static String maxlength(String page, String id) {
        Matcher field = Pattern.compile("<(?:input|textarea)[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(page);
        assertTrue(field.find(), "no field " + id + " in " + page);
        Matcher maxlength = Pattern.compile("\\bmaxlength=\"(\\d+)\"").matcher(field.group());
        assertTrue(maxlength.find(), "no maxlength on " + field.group());
        return maxlength.group(1);
    }

    /** The fields of the mailing form: all clients unless a client id is given. */
    private static Map<String, String> mailingForm(long messageId, Long clientId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("mailing:name", "Новая");
        fields.put("mailing:message_input", String.valueOf(messageId));
        if (clientId == null) {
            fields.put("mailing:allClients_input", "on");
        } else {
            fields.put("mailing:recipients_hinput", String.valueOf(clientId));
        }
        LocalDateTime first = LocalDateTime.parse(FIRST_SEND);
        fields.put(
                "mailing:firstSend_input",
                String.format("%02d.%02d.%d 09:00", first.getDayOfMonth(), first.getMonthValue(), first.getYear()));
        fields.put("mailing:periodicity", "ONCE");
        fields.put("mailing:save", "");
        return fields;
    }

    private String submitNewMailing(Map<String, String> fields) {
        String page = userB.get("mailings/edit").body();
        HttpResponse<String> response = userB.post("mailings/edit", WebClient.form(page, "mailing", fields));
        assertEquals(200, response.statusCode(), "refused forms are shown again");
        return response.body();
    }

    /** Submits a form of B's own page, with the id parameter of A's object added. */
    private int postWithForeignId(String path, String page, String formId, Map<String, String> fields, long foreignId) {
        Map<String, String> submitted = WebClient.form(page, formId, fields);
        submitted.put("id", String.valueOf(foreignId));
        return userB.post(path, submitted).statusCode();
    }

    private String inspect(String what, long id) {
        return new WebClient(uri())
                .get("test-support/workspace/" + what + "?id=" + id)
                .body();
    }

    private long prepare(String what, Map<String, String> parameters) {
        HttpResponse<String> created = new WebClient(uri()).post("test-support/workspace/" + what, parameters);
        assertEquals(201, created.statusCode(), created.body());
        return Long.parseLong(created.body().trim());
    }

    private WebClient loggedIn(String email) {
        WebClient client = new WebClient(uri());
        HttpResponse<String> response = client.logIn(email, PASSWORD);
        assertEquals(302, response.statusCode(), "login of " + email + " failed");
        return client;
    }

    private String createUser(String name, String... roles) {
        String email = name + "-" + System.nanoTime() + "@example.org";
        HttpResponse<String> created = new WebClient(uri())
                .post(
                        "test-support/users",
                        Map.of("email", email, "password", PASSWORD, "roles", String.join(",", roles)));
        assertEquals(201, created.statusCode());
        return email;
    }

    private URI uri() {
        return URI.create(base.toString());
    }
}
