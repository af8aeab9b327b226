package ru.rassylka.mail;

import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** In development mode every e-mail the service sends lands in the mailbox page, which administrators read. */
class DevMailboxIT {

    private final String base = RunningService.baseUrl();
    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
        Journeys.logInAndWait(browser, base, RunningService.ADMIN_EMAIL, RunningService.ADMIN_PASSWORD);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void testMailSentByTheServiceShowsUpInTheMailbox() {
        String recipient = "mailbox-" + System.nanoTime() + "@example.org";
        browser.get(base + "/dev/mailbox");
        assertTrue(browser.findElement(By.id("dev-banner")).isDisplayed());

        WebElement field = browser.findElement(By.id("mailbox:recipient"));
        field.clear();
        field.sendKeys(recipient);
        browser.findElement(By.id("mailbox:send")).click();

        Browser.waitFor(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("mailbox:list"), recipient));
        String row = browser.findElement(By.id("mailbox:list")).getText();
        assertTrue(row.contains("Тестовое письмо Рассылки"), row);
    }
}
