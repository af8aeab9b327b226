package ru.rassylka.mailing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rassylka.testing.server.Callers.as;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import ru.rassylka.account.Role;
import ru.rassylka.account.User;
import ru.rassylka.client.Client;
import ru.rassylka.manage.AllMailings;
import ru.rassylka.message.BodyKind;
import ru.rassylka.message.Message;
import ru.rassylka.message.MessageDraft;
import ru.rassylka.message.MessagePreview;
import ru.rassylka.message.MessageService;
import ru.rassylka.platform.BusinessException;
import ru.rassylka.testing.Deployments;
import ru.rassylka.testing.server.TestAccounts;
import ru.rassylka.testing.server.TestWorkspace;

/** Messages and mailings on Payara with PostgreSQL: schedules in the owner's zone, ownership, manager actions. */
@ArquillianTest
class MailingsIT {

    private static final String PASSWORD = "mailings password";
    private static final int YEAR = ZonedDateTime.now().getYear() + 2;

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @EJB
    private TestAccounts accounts;

    @EJB
    private TestWorkspace workspace;

    @EJB
    private MailingService mailings;

    @EJB
    private MessageService messages;

    @EJB
    private AllMailings allMailings;

    @Inject
    private MailingDisplay display;

    private String newUser(String prefix, String zone, Role... roles) {
        String email = prefix + "-" + System.nanoTime() + "@example.org";
        accounts.create(email, PASSWORD, true, roles);
        workspace.setTimeZone(email, zone);
        return email;
    }

    private User user(String email) {
        return accounts.byEmail(email);
    }

    private long message(String owner) {
        return workspace
                .createMessage(owner, "Здравствуйте, {{full_name}}", "Новости для {{email}}")
                .getId();
    }

    @Test
    void nextSendIsTheFirstSendOnTheOwnersWallClock() {
        String owner = newUser("zone", "Asia/Yekaterinburg");
        long client = workspace.createClient(owner, "anna@example.org", "Анна").getId();

        Mailing created = as(
                user(owner),
                () -> mailings.create(new MailingPlan(
                        "Весна",
                        message(owner),
                        false,
                        Set.of(client),
                        LocalDateTime.of(YEAR, 3, 10, 9, 0),
                        Periodicity.WEEKLY,
                        null)));

        Mailing stored = workspace.mailing(created.getId());
        assertEquals(ZonedDateTime.of(YEAR, 3, 10, 4, 0, 0, 0, ZoneId.of("UTC")).toInstant(), stored.getNextRunAt());
        assertEquals("Asia/Yekaterinburg", stored.getTimeZone());
        assertEquals(
                Set.of(client),
                stored.getRecipients().stream().map(Client::getId).collect(java.util.stream.Collectors.toSet()));
        assertEquals(MailingStatus.CREATED, stored.status(Instant.now()));
        assertEquals("10.03." + YEAR + " 09:00 (Asia/Yekaterinburg)", display.nextSend(stored, "Asia/Yekaterinburg"));
    }

    @Test
    void monthlyFrom31JanuaryNextSendsOnTheLastDayOfFebruaryThen31March() {
        String owner = newUser("monthly", "Europe/Moscow");
        int leapYear = YEAR + (4 - YEAR % 4) % 4;
        Mailing mailing = workspace.createMailing(
                owner,
                "Ежемесячная",
                message(owner),
                null,
                LocalDateTime.of(leapYear, 1, 31, 10, 0),
                Periodicity.MONTHLY);
        Instant first = ZonedDateTime.of(leapYear, 1, 31, 10, 0, 0, 0, ZoneId.of("Europe/Moscow"))
                .toInstant();
        assertEquals(first, workspace.mailing(mailing.getId()).getNextRunAt());

        workspace.occurrenceRan(mailing.getId(), first, Instant.now());
        Mailing afterJanuary =
                as(user(owner), () -> mailings.find(mailing.getId())).orElseThrow();
        assertEquals("29.02." + leapYear + " 10:00 (Europe/Moscow)", display.nextSend(afterJanuary, "Europe/Moscow"));
        assertEquals(MailingStatus.STARTED, afterJanuary.status(Instant.now()));

        workspace.occurrenceRan(mailing.getId(), afterJanuary.getNextRunAt(), Instant.now());
        assertEquals(
                "31.03." + leapYear + " 10:00 (Europe/Moscow)",
                display.nextSend(
                        as(user(owner), () -> mailings.find(mailing.getId())).orElseThrow(), "Europe/Moscow"));
    }

    @Test
    void firstSendInThePastIsRefusedAndNothingIsCreated() {
        String owner = newUser("past", "Europe/Moscow");
        long message = message(owner);

        BusinessException refused = assertThrows(
                BusinessException.class,
                () -> as(
                        user(owner),
                        () -> mailings.create(new MailingPlan(
                                "Вчера",
                                message,
                                true,
                                null,
                                LocalDateTime.now().minusDays(1),
                                Periodicity.ONCE,
                                null))));

        assertEquals("mailings.firstSendInPast", refused.getMessageKey());
        assertEquals(0, workspace.mailingRows(owner));
    }

    @Test
    void editChangesFutureSendsAndRecomputesTheNextOne() {
        String owner = newUser("edit", "Europe/Moscow");
        long message = message(owner);
        Mailing mailing = workspace.createMailing(
                owner, "Раз", message, null, LocalDateTime.of(YEAR, 5, 1, 12, 0), Periodicity.ONCE);

        as(
                user(owner),
                () -> mailings.update(
                        mailing.getId(),
                        new MailingPlan(
                                "Каждый день",
                                message,
                                true,
                                null,
                                LocalDateTime.of(YEAR, 6, 2, 8, 30),
                                Periodicity.DAILY,
                                null)));

        Mailing stored = workspace.mailing(mailing.getId());
        assertEquals("Каждый день", stored.getName());
        assertEquals(Periodicity.DAILY, stored.getPeriodicity());
        assertEquals(
                ZonedDateTime.of(YEAR, 6, 2, 8, 30, 0, 0, ZoneId.of("Europe/Moscow"))
                        .toInstant(),
                stored.getNextRunAt());
    }

    @Test
    void pauseHidesTheNextSendAndResumeBringsItBack() {
        String owner = newUser("pause", "Europe/Moscow");
        Mailing mailing = workspace.createMailing(
                owner, "Пауза", message(owner), null, LocalDateTime.of(YEAR, 7, 1, 9, 0), Periodicity.DAILY);
        Optional<Instant> before = workspace.mailing(mailing.getId()).nextSend();

        as(user(owner), () -> mailings.pause(mailing.getId()));
        Mailing paused = workspace.mailing(mailing.getId());
        assertTrue(paused.isPaused());
        assertEquals(Optional.empty(), paused.nextSend());
        assertEquals("", display.nextSend(paused, "Europe/Moscow"));

        as(user(owner), () -> mailings.resume(mailing.getId()));
        Mailing resumed = workspace.mailing(mailing.getId());
        assertFalse(resumed.isPaused());
        assertEquals(before, resumed.nextSend());
    }

    @Test
    void deletedMailingLeavesTheListButKeepsItsRow() {
        String owner = newUser("delete", "Europe/Moscow");
        Mailing mailing = workspace.createMailing(
                owner, "Удалить", message(owner), null, LocalDateTime.of(YEAR, 8, 1, 9, 0), Periodicity.ONCE);

        as(user(owner), () -> mailings.delete(mailing.getId()));

        assertTrue(as(user(owner), () -> mailings.list()).isEmpty());
        assertTrue(as(user(owner), () -> mailings.find(mailing.getId())).isEmpty());
        Mailing stored = workspace.mailing(mailing.getId());
        assertNotNull(stored, "the row stays for statistics");
        assertTrue(stored.isDeleted());
        assertNull(stored.getNextRunAt());
    }

    @Test
    void deletedMessageIsHiddenFromChoicesButItsMailingKeepsIt() {
        String owner = newUser("message-delete", "Europe/Moscow");
        long message = message(owner);
        Mailing mailing = workspace.createMailing(
                owner, "С сообщением", message, null, LocalDateTime.of(YEAR, 8, 1, 9, 0), Periodicity.ONCE);

        as(user(owner), () -> messages.delete(message));

        assertTrue(as(user(owner), () -> messages.list()).isEmpty());
        assertTrue(as(user(owner), () -> mailings.messageChoices()).isEmpty());
        assertTrue(as(user(owner), () -> mailings.findMessage(message)).isEmpty());
        assertEquals(message, workspace.mailing(mailing.getId()).getMessage().getId());
        assertTrue(workspace.message(message).isDeleted());
    }

    @Test
    void anotherOwnersMessageIdIsRefusedAndNothingIsCreated() {
        String a = newUser("a", "Europe/Moscow");
        String b = newUser("b", "Europe/Moscow");
        long foreignMessage = message(a);

        BusinessException refused = assertThrows(
                BusinessException.class,
                () -> as(
                        user(b),
                        () -> mailings.create(new MailingPlan(
                                "Чужое",
                                foreignMessage,
                                true,
                                null,
                                LocalDateTime.of(YEAR, 1, 1, 9, 0),
                                Periodicity.ONCE,
                                null))));

        assertEquals("mailings.unknownMessage", refused.getMessageKey());
        assertEquals(0, workspace.mailingRows(b));
        assertTrue(as(user(b), () -> mailings.findMessage(foreignMessage)).isEmpty());
    }

    @Test
    void anotherOwnersClientIdIsRefusedAndNothingIsCreated() {
        String a = newUser("a", "Europe/Moscow");
        String b = newUser("b", "Europe/Moscow");
        long foreignClient =
                workspace.createClient(a, "secret@example.org", "Чужой клиент").getId();
        long ownClient =
                workspace.createClient(b, "own@example.org", "Свой клиент").getId();
        long message = message(b);

        BusinessException refused = assertThrows(
                BusinessException.class,
                () -> as(
                        user(b),
                        () -> mailings.create(new MailingPlan(
                                "Чужие",
                                message,
                                false,
                                Set.of(ownClient, foreignClient),
                                LocalDateTime.of(YEAR, 1, 1, 9, 0),
                                Periodicity.ONCE,
                                null))));

        assertEquals("mailings.unknownClient", refused.getMessageKey());
        assertEquals(0, workspace.mailingRows(b));
        assertTrue(as(user(b), () -> mailings.findClient(foreignClient)).isEmpty());
        assertTrue(as(user(b), () -> mailings.suggestClients("secret")).isEmpty());
        assertEquals(1, as(user(b), () -> mailings.suggestClients("own")).size());
    }

    @Test
    void anotherOwnersMailingIdFindsNothingAndChangesNothing() {
        String a = newUser("a", "Europe/Moscow");
        String b = newUser("b", "Europe/Moscow");
        long message = message(a);
        long mailing = workspace
                .createMailing(a, "Чужая", message, null, LocalDateTime.of(YEAR, 9, 1, 9, 0), Periodicity.WEEKLY)
                .getId();
        String before = workspace.describe(mailing);
        long bMessage = message(b);

        assertTrue(as(user(b), () -> mailings.find(mailing)).isEmpty());
        assertThrows(MailingNotFoundException.class, () -> as(user(b), () -> mailings.pause(mailing)));
        assertThrows(MailingNotFoundException.class, () -> as(user(b), () -> mailings.resume(mailing)));
        assertThrows(MailingNotFoundException.class, () -> as(user(b), () -> mailings.delete(mailing)));
        assertThrows(
                MailingNotFoundException.class,
                () -> as(
                        user(b),
                        () -> mailings.update(
                                mailing,
                                new MailingPlan(
                                        "Моя",
                                        bMessage,
                                        true,
                                        null,
                                        LocalDateTime.of(YEAR, 9, 2, 9, 0),
                                        Periodicity.ONCE,
                                        null))));
        assertThrows(BusinessException.class, () -> as(user(b), () -> messages.delete(message)));

        assertEquals(before, workspace.describe(mailing));
        assertFalse(workspace.message(message).isDeleted());
    }

    @Test
    void managerDisablesWithAReasonTheOwnerSeesItAndEnablingRestoresTheNextSend() {
        String owner = newUser("owner", "Europe/Moscow");
        String manager = newUser("manager", "Europe/Moscow", Role.MANAGER);
        long mailing = workspace
                .createMailing(
                        owner,
                        "Под надзором",
                        message(owner),
                        null,
                        LocalDateTime.of(YEAR, 10, 1, 9, 0),
                        Periodicity.MONTHLY)
                .getId();
        Optional<Instant> next = workspace.mailing(mailing).nextSend();

        as(user(manager), () -> allMailings.disable(mailing, "  Жалобы на спам  "));

        Mailing seenByOwner = as(user(owner), () -> mailings.find(mailing)).orElseThrow();
        assertTrue(seenByOwner.isDisabled());
        assertEquals("Жалобы на спам", seenByOwner.getDisabledReason());
        assertEquals(Optional.empty(), seenByOwner.nextSend());
        assertFalse(seenByOwner.isActive(Instant.now()));

        as(user(manager), () -> allMailings.enable(mailing));

        Mailing enabled = as(user(owner), () -> mailings.find(mailing)).orElseThrow();
        assertFalse(enabled.isDisabled());
        assertNull(enabled.getDisabledReason());
        assertEquals(next, enabled.nextSend());
    }

    @Test
    void servicesTakeTheOwnerFromTheCallerAndRefuseCallersWithoutTheRole() {
        String owner = newUser("caller", "Europe/Moscow");
        long mailing = workspace
                .createMailing(
                        owner,
                        "Только моя",
                        message(owner),
                        null,
                        LocalDateTime.of(YEAR, 10, 1, 9, 0),
                        Periodicity.ONCE)
                .getId();

        assertThrows(EJBAccessException.class, () -> mailings.list(), "nobody logged in");
        assertThrows(EJBAccessException.class, () -> messages.list(), "nobody logged in");
        assertThrows(EJBAccessException.class, () -> mailings.pause(mailing), "nobody logged in");
        assertThrows(
                EJBAccessException.class,
                () -> as(user(owner), () -> allMailings.disable(mailing, "Не менеджер")),
                "a user is not a manager");
        assertFalse(workspace.mailing(mailing).isPaused());
        assertFalse(workspace.mailing(mailing).isDisabled());
        assertEquals(
                java.util.List.of(mailing),
                as(user(owner), () -> mailings.list()).stream()
                        .map(Mailing::getId)
                        .toList());
    }

    @Test
    void managerMustGiveAReason() {
        String owner = newUser("owner", "Europe/Moscow");
        String manager = newUser("manager", "Europe/Moscow", Role.MANAGER);
        long mailing = workspace
                .createMailing(
                        owner,
                        "Без причины",
                        message(owner),
                        null,
                        LocalDateTime.of(YEAR, 10, 1, 9, 0),
                        Periodicity.ONCE)
                .getId();

        BusinessException refused =
                assertThrows(BusinessException.class, () -> as(user(manager), () -> allMailings.disable(mailing, " ")));

        assertEquals("manage.mailings.reasonRequired", refused.getMessageKey());
        assertFalse(workspace.mailing(mailing).isDisabled());
    }

    @Test
    void messageWithUnknownPlaceholdersIsRefusedNamingThem() {
        String owner = newUser("placeholders", "Europe/Moscow");

        BusinessException refused = assertThrows(
                BusinessException.class,
                () -> as(
                        user(owner),
                        () -> messages.create(
                                new MessageDraft("Привет, {{name}}", "{{full_name}} {{city", BodyKind.PLAIN_TEXT))));

        assertEquals("messages.badPlaceholders", refused.getMessageKey());
        assertEquals("{{name}}, {{city", refused.getArguments()[0]);
        assertTrue(as(user(owner), () -> messages.list()).isEmpty());
    }

    @Test
    void previewUsesTheFirstClientOrTheSamplePerson() {
        String owner = newUser("preview", "Europe/Moscow");
        MessageDraft draft = new MessageDraft("Для {{full_name}}", "<p>{{email}}</p>", BodyKind.HTML);

        MessagePreview sample = as(user(owner), () -> messages.preview(draft));
        workspace.createClient(owner, "First@Example.org", "Пётр Первый");
        workspace.createClient(owner, "second@example.org", "Второй");
        MessagePreview first = as(user(owner), () -> messages.preview(draft));

        assertEquals("Для Иван Иванов", sample.subject());
        assertEquals("<p>ivan@example.org</p>", sample.body());
        assertEquals("Для Пётр Первый", first.subject());
        assertEquals("<p>first@example.org</p>", first.body());
    }

    @Test
    void messageListsHideAnotherOwnersMessages() {
        String a = newUser("a", "Europe/Moscow");
        String b = newUser("b", "Europe/Moscow");
        long foreign = message(a);
        Message own = workspace.createMessage(b, "Своё", "Текст");

        assertEquals(
                java.util.List.of(own.getId()),
                as(user(b), () -> messages.list()).stream().map(Message::getId).toList());
        assertTrue(as(user(b), () -> messages.find(foreign)).isEmpty());
        assertTrue(as(user(b), () -> mailings.messageChoices()).stream().noneMatch(m -> m.getId() == foreign));
    }
}
