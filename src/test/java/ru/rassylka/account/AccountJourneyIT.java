package ru.rassylka.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import ru.rassylka.testing.Browser;
import ru.rassylka.testing.Journeys;
import ru.rassylka.testing.RunningService;

/** Accounts in a real browser against the running service (development mailbox on). */
class AccountJourneyIT {

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
    void registerConfirmByMailLogInSeeOwnNameAndLogOut() {
        String email = "journey-" + System.nanoTime() + "@example.org";
        String link = Journeys.register(browser, admin, base, email, "journey password", "Ольга Смирнова");

        Journeys.logIn(browser, base, email, "journey password");
        assertEquals("Адрес ещё не подтверждён. Откройте ссылку из письма или запросите новую.", errorMessage());

        browser.get(link);
        assertEquals(0, browser.findElements(By.id("verified")).size(), "opening the link alone changes nothing");
        browser.findElement(By.id("confirm:submit")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("verified")));

        Journeys.logInAndWait(browser, base, email, "journey password");
        assertEquals(
                "Ольга Смирнова", browser.findElement(By.id("profile-link")).getText());

        Journeys.logOut(browser);
        browser.get(base + "/profile");
        assertEquals(1, browser.findElements(By.id("login:email")).size(), "the login form stands in for the profile");
    }

    @Test
    void wrongPasswordAndUnknownAddressShowTheSameMessage() {
        Journeys.logIn(browser, base, RunningService.ADMIN_EMAIL, "not the password");
        String wrongPassword = errorMessage();
        Journeys.logIn(browser, base, "nobody-" + System.nanoTime() + "@example.org", "not the password");

        assertEquals("Неверный e-mail или пароль.", wrongPassword);
        assertEquals(wrongPassword, errorMessage());
    }

    @Test
    void profilePasswordChangeNeedsTheCurrentPassword() {
        String email = "profile-" + System.nanoTime() + "@example.org";
        Journeys.registerAndVerify(browser, admin, base, email, "first password", "Пётр Иванов");
        Journeys.logInAndWait(browser, base, email, "first password");
        browser.get(base + "/profile");

        changePassword("wrong current", "second password");
        Browser.waitFor(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("messages"), "Текущий пароль указан неверно."));
        changePassword("first password", "second password");
        Browser.waitFor(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Пароль изменён."));

        Journeys.logOut(browser);
        Journeys.logInAndWait(browser, base, email, "second password");
    }

    @Test
    void savedProfileGreetsWithTheNewName() {
        String email = "rename-" + System.nanoTime() + "@example.org";
        Journeys.registerAndVerify(browser, admin, base, email, "rename password", "Старое Имя");
        Journeys.logInAndWait(browser, base, email, "rename password");
        browser.get(base + "/profile");

        Journeys.type(browser, "profile:fullName", "Новое Имя");
        browser.findElement(By.id("profile:save")).click();

        Browser.waitFor(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Профиль сохранён."));
        assertEquals("Новое Имя", browser.findElement(By.id("profile-link")).getText());
        assertEquals("Новое Имя", browser.findElement(By.id("profile:fullName")).getAttribute("value"));
    }

    @Test
    void managerBlocksALoggedInUserWhoseNextRequestLandsOnTheLoginPage() {
        String managerEmail = "manager-" + System.nanoTime() + "@example.org";
        String userEmail = "blocked-" + System.nanoTime() + "@example.org";
        WebDriver manager = Browser.open();
        try {
            Journeys.registerAndVerify(manager, admin, base, managerEmail, "manager password", "Мария Менеджер");
            Journeys.registerAndVerify(browser, admin, base, userEmail, "user password", "Иван Пользователь");
            Journeys.grantManager(admin, base, managerEmail);
            Journeys.logInAndWait(manager, base, managerEmail, "manager password");
            Journeys.logInAndWait(browser, base, userEmail, "user password");

            manager.get(base + "/manage/users");
            Journeys.type(manager, "users:search", userEmail);
            manager.findElement(By.id("users:find")).click();
            Browser.waitFor(manager)
                    .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#users\\:table .user-email"), 1));
            manager.findElement(By.cssSelector("[id$=':block']")).click();
            Browser.waitFor(manager).until(ExpectedConditions.visibilityOfElementLocated(By.id("blockForm:reason")));
            Journeys.type(manager, "blockForm:reason", "Рассылал спам");
            manager.findElement(By.id("blockForm:confirm")).click();
            Browser.waitFor(manager)
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#users\\:table .user-blocked")));

            browser.get(base + "/profile");
            assertTrue(browser.getCurrentUrl().contains("/login"), browser.getCurrentUrl());
            assertEquals("Сеанс завершён: учётная запись заблокирована.", errorMessage());

            Journeys.logIn(browser, base, userEmail, "user password");
            assertEquals("Учётная запись заблокирована. Обратитесь к менеджеру сервиса.", errorMessage());
        } finally {
            manager.quit();
        }
    }

    private void changePassword(String current, String next) {
        Journeys.type(browser, "password:current", current);
        Journeys.type(browser, "password:next", next);
        Journeys.type(browser, "password:repeat", next);
        browser.findElement(By.id("password:change")).click();
    }

    private String errorMessage() {
        return Browser.waitFor(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#messages .ui-messages-error-summary")))
                .getText();
    }
}
