package vn.motcua.sync.hub.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium, headless, driven by Debian's chromedriver through Selenium: no browser download. */
public final class Browser {
    private Browser() {
    }

    public static ChromeDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--lang=vi-VN",
                "--window-size=1366,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /**
     * Clicks a control that submits a form or follows a link and waits until the page it leads to has replaced the one
     * it left, so that the next lookup reads the new page and not a same-named element of the old one.
     */
    public static void clickAndLoad(ChromeDriver driver, By control) {
        loads(driver, () -> driver.findElement(control).click());
    }

    /**
     * Runs {@code action} (a click, a confirmation) and waits until a new document is shown, found by a mark left on
     * the old one's window. Not by the staleness of an old element: mid-navigation, Chromium sometimes answers a
     * question about one with "Node with given id does not belong to the document", which is not a stale-element
     * error, and that ended a wait for staleness with a failure.
     */
    public static void loads(ChromeDriver driver, Runnable action) {
        driver.executeScript("window.motcuaOldPage = true");
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(WebDriverException.class) // asked mid-navigation
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return window.motcuaOldPage === undefined && document.readyState !== 'loading'")));
    }

    public static void screenshot(ChromeDriver driver, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
