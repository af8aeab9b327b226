package ru.rassylka.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.rassylka.testing.Browser;
import ru.rassylka.testing.Journeys;
import ru.rassylka.testing.RunningService;

/** "Send now" in a real browser: the progress bar fills, the e-mails reach the development mailbox, the unsubscribe link works. */
class SendingJourneyIT {

    private static final Pattern UNSUBSCRIBE = Pattern.compile("https?://\\S+/unsubscribe\\?t=[A-Za-z0-9_-]+");

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
    void sendNowToThreeClientsFillsTheProgressBarDeliversAndTheLinkUnsubscribes() {
        String stamp = String.valueOf(System.nanoTime());
        String owner = "sender-" + stamp + "@example.org";
        Journeys.registerAndVerify(browser, admin, base, owner, "sender password", "Вера Отправитель");
        Journeys.logInAndWait(browser, base, owner, "sender password");
        List<String> clients = List.of(
                "first-" + stamp + "@example.org",
                "second-" + stamp + "@example.org",
                "third-" + stamp + "@example.org");
        for (String client : clients) {
            Journeys.createClient(browser, base, client, "Клиент " + client.substring(0, client.indexOf('-')));
        }
        Journeys.createMessage(
                browser, base, "Новости " + stamp, "Здравствуйте, {{full_name}}! Отписаться: {{unsubscribe_url}}");
        Journeys.createMonthlyMailingToAllClients(
                browser,
                base,
                "Рассылка " + stamp,
                "Новости " + stamp,
                "01.02." + (Year.now().getValue() + 1) + " 10:00");
        assertEquals(
                "Ещё ничего не отправлено.",
                browser.findElement(By.id("live:noRun")).getText());

        browser.findElement(By.id("actions:sendNow")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("live:bar")));
        // the poll updates the numbers without reloading the page
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("live:sent"), "3"));
        Browser.waitFor(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("live:runState"), "завершена"));
        assertEquals("0", browser.findElement(By.id("live:pending")).getText());
        assertEquals("0", browser.findElement(By.id("live:failed")).getText());
        assertTrue(
                browser.findElement(By.id("live:bar")).getText().contains("100%"),
                browser.findElement(By.id("live:bar")).getText());

        String link = Journeys.linkFromMailbox(admin, base, clients.get(0), UNSUBSCRIBE);
        for (String client : clients.subList(1, 3)) {
            Journeys.linkFromMailbox(admin, base, client, UNSUBSCRIBE);
        }
        admin.get(base + "/dev/mailbox");
        assertTrue(
                admin.findElement(By.id("mailbox:list"))
                        .getAttribute("textContent")
                        .contains("Здравствуйте, Клиент first!"),
                "the e-mail is personalised");

        WebDriver stranger = Browser.open();
        try {
            stranger.get(link);
            assertTrue(
                    stranger.findElement(By.id("message")).getText().contains(clients.get(0)),
                    "the page names the address");
            stranger.findElement(By.id("confirm")).click();
            Browser.waitFor(stranger)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "отписан"));
            stranger.get(base + "/unsubscribe?t=forged");
            assertTrue(stranger.findElement(By.id("message")).getText().contains("недействительна"));
        } finally {
            stranger.quit();
        }

        browser.navigate().refresh();
        WebElement firstRun = browser.findElement(By.id("live:progress"));
        browser.findElement(By.id("actions:sendNow")).click();
        Browser.waitFor(browser).until(ExpectedConditions.stalenessOf(firstRun));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("live:runState"), "завершена"));
        assertEquals(
                "2", browser.findElement(By.id("live:sent")).getText(), "the unsubscribed client is skipped next time");
        assertEquals("1", browser.findElement(By.id("live:skipped")).getText());
    }
}
