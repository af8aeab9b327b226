package ru.rassylka.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import ru.rassylka.testing.Browser;
import ru.rassylka.testing.Journeys;
import ru.rassylka.testing.RunningService;
import ru.rassylka.testing.TestImages;

/** The administrator writes and publishes an article with an image; visitors see it, count views, and lose it on unpublishing. */
class BlogJourneyIT {

    private final String base = RunningService.baseUrl();
    private WebDriver admin;
    private WebDriver visitor;

    @BeforeEach
    void openBrowsers() {
        admin = Browser.open();
        visitor = Browser.open();
    }

    @AfterEach
    void closeBrowsers() {
        admin.quit();
        visitor.quit();
    }

    @Test
    void adminPublishesAnArticleWithAnImageThatVisitorsSeeCountAndLoseWhenUnpublished() throws IOException {
        String title = "Как не потерять письма " + System.nanoTime();
        Path picture = Files.createTempFile("article", ".png");
        Files.write(picture, TestImages.png(60));
        Path fake = Files.createTempFile("fake", ".png");
        Files.writeString(fake, "<html><script>alert(1)</script></html>");

        Journeys.logInAndWait(admin, base, RunningService.ADMIN_EMAIL, RunningService.ADMIN_PASSWORD);
        admin.get(base + "/admin/blog-edit");
        Journeys.type(admin, "article:title", title);
        WebElement editor =
                Browser.waitFor(admin).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ql-editor")));
        editor.click();
        editor.sendKeys("Очередь писем переживает перезапуск сервиса.");

        admin.findElement(By.cssSelector("input[type='file']")).sendKeys(fake.toString());
        admin.findElement(By.id("article:preview")).click();
        Browser.waitFor(admin)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("messages"), "Файл не является изображением PNG, JPEG или WebP"));

        admin.findElement(By.cssSelector("input[type='file']")).sendKeys(picture.toString());
        admin.findElement(By.id("article:preview")).click();
        Browser.waitFor(admin)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("preview-content"), "переживает перезапуск"));
        assertEquals(title, admin.findElement(By.id("preview-title")).getText());
        assertTrue(
                isShown(admin, admin.findElement(By.id("image-preview"))), "the chosen image is shown in the preview");

        admin.findElement(By.id("article:save")).click();
        Browser.waitFor(admin).until(ExpectedConditions.presenceOfElementLocated(By.id("articles:table")));
        clickInRow(title, "publish");
        Browser.waitFor(admin)
                .until(driver -> row(title)
                        .findElement(By.className("article-state"))
                        .getText()
                        .equals("Опубликована"));

        visitor.get(base + "/");
        WebElement card = Browser.waitFor(visitor)
                .until(driver -> driver.findElements(By.cssSelector(".article-card")).stream()
                        .filter(candidate -> candidate.getText().contains(title))
                        .findFirst()
                        .orElse(null));
        // the card's image loads lazily, after the page's load event: wait until it is in (a broken one never is)
        WebElement cardImage = card.findElement(By.className("card-image"));
        Browser.waitFor(visitor)
                .withMessage("the home page shows the image")
                .until(driver -> isShown(visitor, cardImage));
        card.findElement(By.linkText(title)).click();
        Browser.waitFor(visitor).until(ExpectedConditions.textToBe(By.id("article-title"), title));
        String articleAddress = visitor.getCurrentUrl();
        assertTrue(articleAddress.matches(".*/blog/\\d+"), articleAddress);
        assertTrue(isShown(visitor, visitor.findElement(By.id("article-image"))), "the article page shows the image");
        assertTrue(visitor.findElement(By.id("article-content")).getText().contains("переживает перезапуск"));

        long before = views(title);
        for (int i = 0; i < 3; i++) {
            visitor.get(articleAddress);
            Browser.waitFor(visitor).until(ExpectedConditions.textToBe(By.id("article-title"), title));
        }
        assertEquals(before + 3, views(title));

        clickInRow(title, "unpublish");
        Browser.waitFor(admin)
                .until(driver -> row(title)
                        .findElement(By.className("article-state"))
                        .getText()
                        .equals("Черновик"));
        visitor.get(base + "/");
        Browser.waitFor(visitor).until(ExpectedConditions.presenceOfElementLocated(By.id("home-articles")));
        assertFalse(visitor.findElement(By.id("home-articles")).getText().contains(title));
        visitor.get(base + "/blog/");
        assertFalse(visitor.findElement(By.tagName("main")).getText().contains(title));
        visitor.get(articleAddress);
        assertEquals(
                "Страница не найдена",
                visitor.findElement(By.id("error-heading")).getText());
    }

    private long views(String title) {
        admin.get(base + "/admin/blog");
        return Long.parseLong(
                row(title).findElement(By.className("article-views")).getText());
    }

    private WebElement row(String title) {
        return Browser.waitFor(admin)
                .until(driver -> driver.findElements(By.cssSelector("#articles\\:table tbody tr")).stream()
                        .filter(candidate -> candidate.getText().contains(title))
                        .findFirst()
                        .orElse(null));
    }

    private void clickInRow(String title, String button) {
        row(title).findElement(By.cssSelector("[id$=':" + button + "']")).click();
    }

    private static boolean isShown(WebDriver browser, WebElement image) {
        Object width = ((JavascriptExecutor) browser)
                .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0;", image);
        return ((Number) width).longValue() > 0;
    }
}
