package ru.rassylka.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.rassylka.testing.Browser;
import ru.rassylka.testing.Journeys;
import ru.rassylka.testing.ServiceProcess;

/**
 * A newcomer's first visit, in real browsers, to the service started as the README's run command
 * starts it without a {@code .env}: no database or mail settings, so the embedded H2 database in a
 * fresh {@code DATA_DIR} and the development mailbox. Needs no PostgreSQL.
 */
class NewcomerIT {

    private static final String ADMIN_EMAIL = "admin@newcomer.example.org";
    private static final String ADMIN_PASSWORD = "newcomer-admin-password";

    @TempDir
    static Path dataDir;

    private static ServiceProcess service;
    private static String base;
    private WebDriver browser;
    private WebDriver admin;

    @BeforeAll
    static void startAsTheRunCommandDoes() {
        service = start();
        base = service.baseUrl();
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    @BeforeEach
    void openBrowsers() {
        browser = Browser.open();
        admin = Browser.open();
    }

    @AfterEach
    void closeBrowsers() {
        browser.quit();
        admin.quit();
    }

    @Test
    void newcomerRegistersBuildsAMailingAndFindsItAllAfterARestart() {
        String email = "newcomer-" + System.nanoTime() + "@example.org";
        int year = Year.now().getValue() + 1;
        Journeys.logInAndWait(admin, base, ADMIN_EMAIL, ADMIN_PASSWORD);
        Journeys.registerAndVerify(browser, admin, base, email, "newcomer password", "Нина Новикова");
        Journeys.logInAndWait(browser, base, email, "newcomer password");
        Journeys.createClient(browser, base, "first.client@example.org", "Первый Клиент");
        Journeys.createMessage(browser, base, "Первое письмо", "Здравствуйте, {{full_name}}!");
        Journeys.createMonthlyMailingToAllClients(
                browser, base, "Первая рассылка", "Первое письмо", "31.01." + year + " 10:00");
        assertEquals(
                "31.01." + year + " 10:00 (Europe/Moscow)",
                browser.findElement(By.id("nextSend")).getText());

        service.stop();
        service = start();

        browser.manage().deleteAllCookies();
        Journeys.logInAndWait(browser, base, email, "newcomer password");
        browser.get(base + "/clients/");
        assertEquals(List.of("first.client@example.org"), texts(By.cssSelector("#clients\\:table .client-email")));
        browser.get(base + "/messages/");
        assertEquals(List.of("Первое письмо"), texts(By.cssSelector("#list\\:table .message-subject")));
        browser.get(base + "/mailings/");
        assertTrue(browser.findElement(By.cssSelector("#list\\:table .mailing-name"))
                .getText()
                .contains("Первая рассылка"));
        assertEquals(
                "31.01." + year + " 10:00 (Europe/Moscow)",
                browser.findElement(By.cssSelector("#list\\:table .mailing-next"))
                        .getText());
        admin.manage().deleteAllCookies();
        Journeys.logInAndWait(admin, base, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @Test
    void aMailingToAnAddressAtTheBounceTestDomainComesBackAsABounceAndTheAddressIsOnTheSuppressionList() {
        String bouncing = "someone-" + System.nanoTime() + "@bounce.test";
        int year = Year.now().getValue() + 1;
        Journeys.logInAndWait(browser, base, ADMIN_EMAIL, ADMIN_PASSWORD);
        Journeys.createClient(browser, base, bouncing, "Несуществующий Адресат");
        Journeys.createMessage(browser, base, "Письмо в никуда", "Здравствуйте, {{full_name}}!");
        Journeys.createMonthlyMailingToAllClients(
                browser, base, "Рассылка с возвратом", "Письмо в никуда", "28.02." + year + " 10:00");
        String mailing = browser.getCurrentUrl();

        browser.findElement(By.id("actions:sendNow")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("stats:lastRun")));
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .pollingEvery(Duration.ofSeconds(1))
                .until(page -> {
                    page.get(mailing);
                    // the engine recorded its outcome (nothing left pending) and the report came back
                    return page.findElement(By.id("stats:totalPending"))
                                    .getText()
                                    .equals("0")
                            && page.findElement(By.id("stats:totalBouncedHard"))
                                    .getText()
                                    .equals("1");
                });

        browser.get(base + "/suppressions/");
        String row = browser.findElement(By.id("suppressions:table")).getText();
        assertTrue(row.contains(bouncing) && row.contains("адрес не существует"), row);
        Journeys.logInAndWait(admin, base, ADMIN_EMAIL, ADMIN_PASSWORD);
        admin.get(base + "/dev/mailbox");
        assertTrue(
                admin.findElement(By.id("mailbox:list")).getText().contains("Undelivered Mail Returned to Sender"),
                "the report is in the mailbox beside the e-mail");
    }

    @Test
    void loggingInFromTheLoginPageLeadsToTheHomePage() {
        Journeys.logInAndWait(browser, base, ADMIN_EMAIL, ADMIN_PASSWORD);

        assertEquals(base + "/", browser.getCurrentUrl());
        assertTrue(browser.findElements(By.id("login:email")).isEmpty(), "no login form once logged in");
    }

    @Test
    void developmentBannerSaysWhoReadsTheMailboxAndLinksItForAdministratorsOnly() {
        browser.get(base + "/");
        WebElement banner = browser.findElement(By.id("dev-banner"));
        assertTrue(banner.getText().contains("Читать его могут только администраторы."), banner.getText());
        assertTrue(browser.findElements(By.id("dev-banner-mailbox")).isEmpty(), "no link for a visitor");

        Journeys.logInAndWait(admin, base, ADMIN_EMAIL, ADMIN_PASSWORD);
        admin.findElement(By.id("dev-banner-mailbox")).click();
        Browser.waitFor(admin).until(ExpectedConditions.presenceOfElementLocated(By.id("mailbox:list")));
    }

    @Test
    void faviconIsServed() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/favicon.ico"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("image/"),
                response.headers().toString());
        assertTrue(response.body().length > 0);
    }

    @Test
    void impossibleAndUnreadableFirstSendsAreRefusedWithRussianMessages() {
        Journeys.logInAndWait(browser, base, ADMIN_EMAIL, ADMIN_PASSWORD);
        browser.get(base + "/mailings/edit");
        Journeys.type(browser, "mailing:name", "Февральская");

        assertFirstSendRefused(
                "31.02.2027 10:00",
                "Нет такой даты или времени: «31.02.2027 10:00». Пример верного значения: 31.01.2027 10:00.");
        assertFirstSendRefused("в пятницу", "Нет такой даты или времени: «в пятницу».");
        assertFalse(browser.findElement(By.id("mailing")).getText().contains("could not be understood"));
        assertTrue(browser.findElements(By.id("status")).isEmpty(), "no mailing was saved");
    }

    @Test
    void uploadOverTheLimitShowsTheLimitOnTheImportPage(@TempDir Path files) throws IOException {
        File large = files.resolve("clients.csv").toFile();
        try (RandomAccessFile file = new RandomAccessFile(large, "rw")) {
            file.setLength(25L * 1024 * 1024);
        }
        Journeys.logInAndWait(browser, base, ADMIN_EMAIL, ADMIN_PASSWORD);

        upload(large.toPath());

        Browser.waitFor(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Файл больше 20 МБ."));
        assertTrue(browser.findElements(By.id("upload:start")).size() == 1, "the import page, ready for another file");
    }

    @Test
    void anEmptyFileIsCalledEmpty(@TempDir Path files) throws IOException {
        Path empty = Files.createFile(files.resolve("empty.csv"));
        Journeys.logInAndWait(browser, base, ADMIN_EMAIL, ADMIN_PASSWORD);

        upload(empty);

        Browser.waitFor(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Файл пуст"));
        assertFalse(browser.findElement(By.id("messages")).getText().contains("Выберите файл"));
    }

    private void assertFirstSendRefused(String typed, String message) {
        Journeys.type(browser, "mailing:firstSend_input", typed);
        browser.findElement(By.id("mailing:save")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mailing"), message));
    }

    private void upload(Path file) {
        browser.get(base + "/clients/import");
        browser.findElement(By.cssSelector("#upload input[type=file]"))
                .sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("upload:start")).click();
    }

    private List<String> texts(By selector) {
        return browser.findElements(selector).stream().map(WebElement::getText).toList();
    }

    /** payara-config/start.sh as ./run calls it without a .env: only the port, the address and the first administrator are set. */
    private static ServiceProcess start() {
        String port = System.getProperty("rassylka.newcomer.port", "18090");
        File log = new File(System.getProperty("rassylka.buildDir", "target"), "newcomer-service.log");
        return ServiceProcess.start(
                Map.of(
                        "PORT",
                        port,
                        "BASE_URL",
                        "http://localhost:" + port,
                        "DEV_SMTP_PORT",
                        System.getProperty("rassylka.newcomer.smtpPort", "12590"),
                        "DATA_DIR",
                        dataDir.toString(),
                        "ADMIN_EMAIL",
                        ADMIN_EMAIL,
                        "ADMIN_PASSWORD",
                        ADMIN_PASSWORD),
                log);
    }
}
