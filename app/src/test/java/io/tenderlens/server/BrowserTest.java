package io.tenderlens.server;

import io.tenderlens.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;

/** A test class that drives headless Chromium against the shared {@link TestServer}; one browser per class. */
abstract class BrowserTest {
    @TempDir static Path tmp;
    static ChromeDriver driver;
    static TestServer t;

    @BeforeAll
    static void openBrowser() throws Exception {
        t = TestServer.get();
        driver = HeadlessChromium.start(tmp, 1280, 1800);
    }

    @AfterAll
    static void closeBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
