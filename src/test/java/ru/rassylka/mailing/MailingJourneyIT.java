package ru.rassylka.mailing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Year;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import ru.rassylka.testing.Browser;
import ru.rassylka.testing.Journeys;
import ru.rassylka.testing.RunningService;

/** A message with placeholders, its preview, a monthly mailing, and a manager disabling it, in real browsers. */
class MailingJourneyIT {

    private final String base = RunningService.baseUrl();
    private WebDriver browser;
    private WebDriver admin;

    @BeforeEach
    void openBrowsers() {
        browser = Browser.open();
        admin = Browser.open();
        Journeys.logInAndWait(admin, base, RunningService.ADMIN_EMAIL, RunningService.ADMIN_PASSWORD);
    }

    @AfterEach
    void closeBrowsers() {
        browser.quit();
        admin.quit();
    }

    @Test
    void ownerWritesAMessageSchedulesAMonthlyMailingAndSeesAManagerDisableIt() {
        String owner = "owner-" + System.nanoTime() + "@example.org";
        String managerEmail = "manager-" + System.nanoTime() + "@example.org";
        Journeys.registerAndVerify(browser, admin, base, owner, "owner password", "Ольга Автор");
        Journeys.logInAndWait(browser, base, owner, "owner password");

        browser.get(base + "/messages/edit");
        Journeys.type(browser, "message:subject", "Здравствуйте, {{full_name}}");
        Journeys.type(browser, "message:body", "Письмо для {{name}} на {{email}}");
        browser.findElement(By.id("message:save")).click();
        Browser.waitFor(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("message"), "Неизвестные подстановки: {{name}}"));
        assertEquals(
                "Здравствуйте, {{full_name}}",
                browser.findElement(By.id("message:subject")).getAttribute("value"),
                "what was typed stays");

        Journeys.type(browser, "message:body", "Письмо для {{full_name}} на {{email}}");
        browser.findElement(By.id("message:preview")).click();
        Browser.waitFor(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("previewSubject"), "Здравствуйте, Иван Иванов"));
        assertEquals(
                "Письмо для Иван Иванов на ivan@example.org",
                browser.findElement(By.id("previewText")).getText());
        browser.findElement(By.id("message:save")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("actions:delete")));

        int year = Year.now().getValue() + 1;
        Journeys.createMonthlyMailingToAllClients(
                browser, base, "Ежемесячные новости", "Здравствуйте, {{full_name}}", "31.01." + year + " 10:00");
        assertEquals("Создана", browser.findElement(By.id("status")).getText());
        assertEquals("Ежемесячно", browser.findElement(By.id("periodicity")).getText());
        assertEquals(
                "31.01." + year + " 10:00 (Europe/Moscow)",
                browser.findElement(By.id("nextSend")).getText());

        browser.get(base + "/mailings/");
        browser.findElement(By.cssSelector("[id$=':pause']")).click();
        Browser.waitFor(browser)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#list\\:table .mailing-paused")));
        assertEquals(
                "",
                browser.findElement(By.cssSelector("#list\\:table .mailing-next"))
                        .getText(),
                "no next send while paused");
        browser.findElement(By.cssSelector("[id$=':resume']")).click();
        Browser.waitFor(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#list\\:table .mailing-next"), "31.01." + year + " 10:00 (Europe/Moscow)"));

        WebDriver manager = Browser.open();
        try {
            Journeys.registerAndVerify(manager, admin, base, managerEmail, "manager password", "Мария Менеджер");
            Journeys.grantManager(admin, base, managerEmail);
            Journeys.logInAndWait(manager, base, managerEmail, "manager password");
            manager.get(base + "/manage/mailings");
            Journeys.type(manager, "mailings:search", owner);
            WebElement before = manager.findElement(By.id("mailings:table"));
            manager.findElement(By.id("mailings:find")).click();
            Browser.waitFor(manager).until(ExpectedConditions.stalenessOf(before));
            Browser.waitFor(manager)
                    .until(ExpectedConditions.numberOfElementsToBe(
                            By.cssSelector("#mailings\\:table .mailing-owner"), 1));
            assertEquals(
                    "Создана",
                    manager.findElement(By.cssSelector("#mailings\\:table .mailing-status"))
                            .getText());
            manager.findElement(By.cssSelector("[id$=':disable']")).click();
            Browser.waitFor(manager).until(ExpectedConditions.visibilityOfElementLocated(By.id("disableForm:reason")));
            Journeys.type(manager, "disableForm:reason", "Жалобы получателей");
            manager.findElement(By.id("disableForm:confirm")).click();
            Browser.waitFor(manager)
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#mailings\\:table .mailing-disabled")));
        } finally {
            manager.quit();
        }

        browser.get(base + "/mailings/");
        assertEquals(
                "Отключена менеджером: Жалобы получателей",
                browser.findElement(By.cssSelector("#list\\:table .mailing-disabled"))
                        .getText());
        assertEquals(
                "",
                browser.findElement(By.cssSelector("#list\\:table .mailing-next"))
                        .getText(),
                "no next send while disabled");
        assertTrue(browser.findElement(By.cssSelector("#list\\:table .mailing-name"))
                .getText()
                .contains("Ежемесячные новости"));

        browser.findElement(By.cssSelector("#list\\:table .mailing-name")).click();
        Browser.waitFor(browser)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("actions:delete")))
                .click();
        Browser.waitFor(browser)
                .until(ExpectedConditions.elementToBeClickable(By.id("actions:confirmYes")))
                .click();
        Browser.waitFor(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("messages"), "Рассылка «Ежемесячные новости» удалена."));
        assertEquals(
                0,
                browser.findElements(By.cssSelector("#list\\:table .mailing-name"))
                        .size());
    }
}
