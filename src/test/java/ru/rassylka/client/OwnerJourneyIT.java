package ru.rassylka.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.List;
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

/**
 * The owner's journey in a real browser: clients by the form and from a file, a message with
 * placeholders and its preview, a monthly mailing with its computed status and next send.
 */
class OwnerJourneyIT {

    private static final By EMAILS = By.cssSelector("#clients\\:table .client-email");

    private final String base = RunningService.baseUrl();
    private WebDriver browser;
    private Path file;

    @BeforeEach
    void registeredUserLoggedIn() throws IOException {
        browser = Browser.open();
        WebDriver admin = Browser.open();
        try {
            Journeys.logInAndWait(admin, base, RunningService.ADMIN_EMAIL, RunningService.ADMIN_PASSWORD);
            String email = "clients-" + System.nanoTime() + "@example.org";
            Journeys.registerAndVerify(browser, admin, base, email, "clients password", "Ирина Клиентова");
            Journeys.logInAndWait(browser, base, email, "clients password");
        } finally {
            admin.quit();
        }
        file = Files.createTempFile("clients-", ".csv");
    }

    @AfterEach
    void close() throws IOException {
        browser.quit();
        Files.deleteIfExists(file);
    }

    @Test
    void clientsByFormAndFileThenAMessageWithPreviewThenAMonthlyMailing() throws IOException {
        browser.get(base + "/clients/");
        browser.findElement(By.id("new")).click();
        Journeys.type(browser, "client:email", "Olga@Example.org");
        Journeys.type(browser, "client:fullName", "Ольга Смирнова");
        Journeys.type(browser, "client:comment", "с выставки");
        browser.findElement(By.id("client:save")).click();
        Browser.waitFor(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("messages"), "Клиент olga@example.org сохранён."));

        Files.writeString(
                file,
                "email,full_name,comment\npetrov@example.org,Петров Пётр,\nsidorova@example.org,Сидорова Анна,\n"
                        + "broken,Без адреса,\n",
                StandardCharsets.UTF_8);
        browser.findElement(By.id("import")).click();
        browser.findElement(By.cssSelector("#upload input[type=file]"))
                .sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("upload:start")).click();
        WebElement imported =
                Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("imported")));
        assertEquals("2", imported.getText());
        assertEquals("1", browser.findElement(By.id("rejected")).getText());
        assertEquals("4", browser.findElement(By.cssSelector(".problem-line")).getText());

        browser.findElement(By.id("report:toList")).click();
        Browser.waitFor(browser).until(ExpectedConditions.numberOfElementsToBe(EMAILS, 3));
        assertEquals(
                List.of("olga@example.org", "petrov@example.org", "sidorova@example.org"),
                browser.findElements(EMAILS).stream()
                        .map(WebElement::getText)
                        .sorted()
                        .toList());

        Journeys.type(browser, "clients:search", "петр");
        browser.findElement(By.id("clients:find")).click();
        Browser.waitFor(browser).until(ExpectedConditions.numberOfElementsToBe(EMAILS, 1));
        assertEquals("petrov@example.org", browser.findElement(EMAILS).getText());

        browser.get(base + "/messages/edit");
        Journeys.type(browser, "message:subject", "Новости для {{full_name}}");
        Journeys.type(browser, "message:body", "Здравствуйте, {{full_name}}! Ваш адрес: {{email}}.");
        browser.findElement(By.id("message:preview")).click();
        Browser.waitFor(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("previewSubject"), "Новости для Ольга Смирнова"));
        assertEquals(
                "Здравствуйте, Ольга Смирнова! Ваш адрес: olga@example.org.",
                browser.findElement(By.id("previewText")).getText());
        browser.findElement(By.id("message:save")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("actions:delete")));

        int year = Year.now().getValue() + 1;
        Journeys.createMonthlyMailingToAllClients(
                browser, base, "Новости месяца", "Новости для {{full_name}}", "31.01." + year + " 10:00");
        assertEquals("Создана", browser.findElement(By.id("status")).getText());
        assertEquals("Ежемесячно", browser.findElement(By.id("periodicity")).getText());
        assertEquals(
                "31.01." + year + " 10:00 (Europe/Moscow)",
                browser.findElement(By.id("nextSend")).getText());
    }
}
