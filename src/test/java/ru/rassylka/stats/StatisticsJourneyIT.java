package ru.rassylka.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.rassylka.testing.Browser;
import ru.rassylka.testing.Journeys;
import ru.rassylka.testing.RunningService;

/**
 * A run of 2,000 recipients watched on its run page in a real browser: the service sends at most
 * 200 messages a second (RunningService), so the bar moves for about ten seconds and ends at
 * 100 %; the charts render on the run page, the mailing page and the reports.
 */
class StatisticsJourneyIT {

    private static final int RECIPIENTS = 2000;
    private static final String PASSWORD = "statistics journey password";

    private final String base = RunningService.baseUrl();
    private WebDriver browser;
    private WebDriver admin;
    private Path file;

    @BeforeEach
    void openBrowsers() throws IOException {
        browser = Browser.open();
        admin = Browser.open();
        Journeys.logInAndWait(admin, base, RunningService.ADMIN_EMAIL, RunningService.ADMIN_PASSWORD);
        file = Files.createTempFile("recipients", ".csv");
    }

    @AfterEach
    void closeBrowsers() throws IOException {
        browser.quit();
        admin.quit();
        Files.deleteIfExists(file);
    }

    @Test
    void progressBarMovesDuringARunOf2000RecipientsEndsAtHundredPercentAndChartsRender() throws IOException {
        String stamp = String.valueOf(System.nanoTime());
        String owner = "watcher-" + stamp + "@example.org";
        Journeys.registerAndVerify(browser, admin, base, owner, PASSWORD, "Наблюдатель Статистики");
        Journeys.logInAndWait(browser, base, owner, PASSWORD);
        StringBuilder csv = new StringBuilder("email,full_name,comment\n");
        for (int i = 0; i < RECIPIENTS; i++) {
            csv.append("reader")
                    .append(i)
                    .append('-')
                    .append(stamp)
                    .append("@example.org,Читатель ")
                    .append(i)
                    .append(",\n");
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        browser.get(base + "/clients/import");
        browser.findElement(By.cssSelector("#upload input[type=file]"))
                .sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("upload:start")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("imported"), String.valueOf(RECIPIENTS)));
        Journeys.createMessage(browser, base, "Статистика " + stamp, "Здравствуйте, {{full_name}}!");
        Journeys.createMonthlyMailingToAllClients(
                browser,
                base,
                "Большая " + stamp,
                "Статистика " + stamp,
                "01.02." + (Year.now().getValue() + 1) + " 10:00");
        assertEquals(
                "Запусков ещё не было.",
                browser.findElement(By.id("stats:noRuns")).getText());

        browser.findElement(By.id("actions:sendNow")).click();
        Browser.waitFor(browser)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("stats:lastRun")))
                .click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("live:bar")));

        List<Integer> seen = watchTheBar(Duration.ofSeconds(90));
        assertEquals(100, seen.get(seen.size() - 1), "the bar ends at 100 %: " + seen);
        long between = seen.stream()
                .filter(percent -> percent > 0 && percent < 100)
                .distinct()
                .count();
        assertTrue(between >= 2, "the bar moved through the run without a reload: " + seen);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "the bar never goes back: " + seen);
        }
        Browser.waitFor(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("live:sent"), String.valueOf(RECIPIENTS)));
        assertEquals("0", browser.findElement(By.id("live:pending")).getText());
        assertEquals("0", browser.findElement(By.id("live:failed")).getText());
        awaitChart("replyCodes");

        // the deliveries table shows the page as it was loaded, when the run had just started
        browser.navigate().refresh();
        Browser.waitFor(browser)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id$=':showAttempts']")))
                .click();
        Browser.waitFor(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#attempts .attempt-code"), "250"));

        browser.get(browser.findElement(By.id("mailing")).getAttribute("href"));
        Browser.waitFor(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("stats:totalSent"), String.valueOf(RECIPIENTS)));
        awaitChart("stats:perDay");
        browser.get(base + "/reports/");
        assertEquals(
                String.valueOf(RECIPIENTS), browser.findElement(By.id("sent")).getText());
        awaitChart("perMonth");

        // the development mailbox stays usable for the journeys after this one: it keeps the newest e-mails, a page at
        // a time
        admin.get(base + "/dev/mailbox");
        assertTrue(
                admin.findElement(By.id("mailbox:dropped")).getText().contains("удалено более ранних"),
                admin.findElement(By.id("mailbox:dropped")).getText());
        assertEquals(
                50,
                admin.findElements(By.cssSelector("#mailbox\\:list tbody tr")).size());
    }

    /** The bar's per cent as the page shows it, read every 200 ms until it shows 100 %. */
    private List<Integer> watchTheBar(Duration patience) {
        List<Integer> seen = new ArrayList<>();
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            try {
                String text = browser.findElement(By.id("live:bar"))
                        .getText()
                        .replace("%", "")
                        .strip();
                if (!text.isEmpty()) {
                    int percent = Integer.parseInt(text);
                    if (seen.isEmpty() || seen.get(seen.size() - 1) != percent) {
                        seen.add(percent);
                    }
                    if (percent == 100) {
                        return seen;
                    }
                }
            } catch (WebDriverException e) {
                // the poll replaced the bar while it was read
            }
            pause(200);
        }
        throw new AssertionError("The bar did not reach 100 % within " + patience.toSeconds() + " s: " + seen);
    }

    /** Waits until Chart.js has drawn a chart on the canvas of the p:chart with this client id. */
    private void awaitChart(String id) {
        String script = "var c = document.getElementById(arguments[0]); c = c && c.querySelector('canvas');"
                + " return !!(c && window.Chart && Chart.getChart(c) && Chart.getChart(c).data.datasets.length > 0);";
        Browser.waitFor(browser).until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(script, id));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
