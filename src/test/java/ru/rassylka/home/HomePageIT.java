package ru.rassylka.home;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import ru.rassylka.testing.Browser;
import ru.rassylka.testing.RunningService;

/** The home page in a real browser against the running service. */
class HomePageIT {

    private final String base = RunningService.baseUrl();
    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void homePageIsRussianByDefaultAndSwitchesToEnglishForGood() {
        browser.get(base + "/");
        assertEquals("ru", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Рассылки без потерь и повторов", heading());

        browser.findElement(By.cssSelector("a[data-lang='en']")).click();
        Browser.waitFor(browser).until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertEquals("Mailings with nothing lost and nothing sent twice", heading());

        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.get(base + "/");
        assertEquals("Mailings with nothing lost and nothing sent twice", heading());

        browser.findElement(By.cssSelector("a[data-lang='ru']")).click();
        Browser.waitFor(browser).until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "ru"));
    }

    @Test
    void unknownAddressShowsTheFriendlyNotFoundPage() {
        browser.get(base + "/no/such/page");

        assertEquals(
                "Страница не найдена",
                browser.findElement(By.id("error-heading")).getText());
    }

    private String heading() {
        return browser.findElement(By.id("home-heading")).getText();
    }
}
