package ru.rassylka.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Steps that browser tests share: typing into forms, logging in, reading the development mailbox. */
public final class Journeys {

    private static final Pattern LINK = Pattern.compile("https?://\\S+\\?token=[A-Za-z0-9_%\\-]+");

    private Journeys() {}

    public static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    public static void logIn(WebDriver browser, String base, String email, String password) {
        browser.get(base + "/login");
        type(browser, "login:email", email);
        type(browser, "login:password", password);
        browser.findElement(By.id("login:submit")).click();
    }

    /** Logs in and waits for the header to show the account. */
    public static void logInAndWait(WebDriver browser, String base, String email, String password) {
        logIn(browser, base, email, password);
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("profile-link")));
    }

    public static void logOut(WebDriver browser) {
        browser.findElement(By.id("logout:submit")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("login-link")));
    }

    /** Registers through the form and answers the link from the verification e-mail. */
    public static String register(
            WebDriver browser, WebDriver adminBrowser, String base, String email, String password, String name) {
        browser.get(base + "/register");
        type(browser, "register:email", email);
        type(browser, "register:password", password);
        type(browser, "register:passwordRepeat", password);
        type(browser, "register:fullName", name);
        browser.findElement(By.id("register:submit")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        return linkFromMailbox(adminBrowser, base, email);
    }

    /** Registers, confirms the address through the e-mailed link, and leaves the browser logged out. */
    public static void registerAndVerify(
            WebDriver browser, WebDriver adminBrowser, String base, String email, String password, String name) {
        browser.get(register(browser, adminBrowser, base, email, password, name));
        browser.findElement(By.id("confirm:submit")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("verified")));
    }

    /** Opens the development mailbox (as the logged-in administrator) until a link to the address shows up. */
    public static String linkFromMailbox(WebDriver adminBrowser, String base, String recipient) {
        return linkFromMailbox(adminBrowser, base, recipient, LINK);
    }

    /** Opens the development mailbox until an e-mail to the address shows a link of the given form. */
    public static String linkFromMailbox(WebDriver adminBrowser, String base, String recipient, Pattern linkPattern) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            adminBrowser.get(base + "/dev/mailbox");
            for (WebElement row : adminBrowser.findElements(By.cssSelector("#mailbox\\:list tbody tr"))) {
                if (row.getText().contains(recipient)) {
                    Matcher link = linkPattern.matcher(
                            row.findElement(By.className("mail-text")).getAttribute("textContent"));
                    if (link.find()) {
                        return link.group();
                    }
                }
            }
            pause();
        }
        throw new AssertionError("No e-mail with a link to " + recipient + " in the development mailbox");
    }

    /** Picks an option of a PrimeFaces select menu; a click swallowed by the opening animation is repeated. */
    public static void choose(WebDriver browser, String menuId, String label) {
        By menuLabel = By.id(menuId + "_label");
        By panel = By.id(menuId + "_panel");
        By item = By.cssSelector("#" + menuId.replace(":", "\\:") + "_items li[data-label='" + label + "']");
        for (int attempt = 0;
                attempt < 3 && !label.equals(browser.findElement(menuLabel).getText());
                attempt++) {
            if (!browser.findElement(panel).isDisplayed()) {
                browser.findElement(By.id(menuId)).click();
            }
            Browser.waitFor(browser)
                    .until(ExpectedConditions.visibilityOfElementLocated(item))
                    .click();
            try {
                Browser.waitFor(browser).until(ExpectedConditions.invisibilityOfElementLocated(panel));
            } catch (TimeoutException e) {
                // still open: try again
            }
        }
        if (!label.equals(browser.findElement(menuLabel).getText())) {
            throw new AssertionError("Could not choose " + label + " in " + menuId);
        }
    }

    /** Adds a client through the form of the clients page and waits for the confirmation. */
    public static void createClient(WebDriver browser, String base, String email, String fullName) {
        browser.get(base + "/clients/");
        browser.findElement(By.id("new")).click();
        type(browser, "client:email", email);
        type(browser, "client:fullName", fullName);
        browser.findElement(By.id("client:save")).click();
        Browser.waitFor(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "сохранён"));
    }

    /** Writes a message through its form and waits for the saved message's page. */
    public static void createMessage(WebDriver browser, String base, String subject, String body) {
        browser.get(base + "/messages/edit");
        type(browser, "message:subject", subject);
        type(browser, "message:body", body);
        browser.findElement(By.id("message:save")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("actions:delete")));
    }

    /** Fills the mailing form (all my clients, monthly from {@code firstSend}) and waits for the mailing's page. */
    public static void createMonthlyMailingToAllClients(
            WebDriver browser, String base, String name, String messageSubject, String firstSend) {
        browser.get(base + "/mailings/edit");
        type(browser, "mailing:name", name);
        choose(browser, "mailing:message", messageSubject);
        browser.findElement(By.cssSelector("#mailing\\:allClients .ui-chkbox-box"))
                .click();
        type(browser, "mailing:firstSend_input", firstSend);
        browser.findElement(By.cssSelector("label[for='mailing:periodicity:3']"))
                .click();
        browser.findElement(By.id("mailing:save")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
    }

    /** The administrator (logged in in {@code adminBrowser}) makes an account a manager. */
    public static void grantManager(WebDriver adminBrowser, String base, String email) {
        adminBrowser.get(base + "/admin/users");
        type(adminBrowser, "users:search", email);
        adminBrowser.findElement(By.id("users:find")).click();
        Browser.waitFor(adminBrowser)
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#users\\:table .user-email"), 1));
        adminBrowser.findElement(By.cssSelector("[id$=':grant']")).click();
        Browser.waitFor(adminBrowser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#users\\:table .user-roles"), "MANAGER"));
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
