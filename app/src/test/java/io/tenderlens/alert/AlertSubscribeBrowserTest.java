package io.tenderlens.alert;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenderlens.server.ApiToken;
import io.tenderlens.server.ServerContext;
import io.tenderlens.server.WebServer;
import io.tenderlens.testing.HeadlessChromium;
import io.tenderlens.topic.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey "subscribe to a search" in headless Chromium: search, follow the subscribe link, give the
 * token, and the feed of the new saved search shows the open tender. A query carrying markup stays text.
 * Screenshots go to {@code app/target/web-screenshots/}.
 */
class AlertSubscribeBrowserTest {
    static final Path SHOTS = Path.of("target", "web-screenshots");
    @TempDir static Path dir;
    @TempDir static Path profiles;
    static ServerContext context;
    static WebServer server;
    static ApiToken token;
    static AlertRoutes alerts;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        AlertRoutesTest.ingest(dir);
        context = ServerContext.open(dir, List.of(Topic.bundled("blockchain")), m -> { });
        token = ApiToken.loadOrCreate(dir.resolve(ApiToken.DEFAULT_FILE));
        alerts = new AlertRoutes(new AlertRoutes.Settings(false, Duration.ZERO, AlertMatcher.DEFAULT_FRESH_DAYS));
        server = WebServer.start(context, token, "127.0.0.1", 0, List.of(alerts));
        driver = HeadlessChromium.start(profiles, 1280, 1400);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        alerts.close();
        server.close();
        context.close();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    @Test
    void subscribeToASearchFromTheSearchPage() throws Exception {
        driver.get(url("/search?q=" + URLEncoder.encode("区块链", StandardCharsets.UTF_8)));
        driver.findElement(By.id("subscribe-link")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/alerts?q="));
        assertThat(driver.findElement(By.name("query")).getAttribute("value")).isEqualTo("区块链");

        driver.findElement(By.name("name")).clear();
        driver.findElement(By.name("name")).sendKeys("区块链 广东 <img src=x onerror=window.__xss=1>");
        driver.findElement(By.name("provinces")).sendKeys("广东省");
        driver.findElement(By.name("token")).sendKeys("wrong-token-wrong-token");
        driver.findElement(By.cssSelector("#subscribe button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("subscribe-result")).getText().startsWith("未保存"));
        assertThat(driver.findElement(By.id("subscribe-result")).getText()).contains("Bearer");

        driver.findElement(By.name("token")).clear();
        driver.findElement(By.name("token")).sendKeys(token.value());
        driver.findElement(By.cssSelector("#subscribe button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("subscribed-feed")).isEmpty());
        assertThat(driver.findElement(By.id("subscribed-feed")).getText()).isEqualTo("区块链 广东 <img src=x onerror=window.__xss=1> (Atom)");
        assertThat(driver.executeScript("return window.__xss")).as("no markup from the form ran").isNull();
        HeadlessChromium.screenshot(driver, SHOTS, "alerts-subscribed");

        JsonNode list = AlertRoutesTest.JSON.readTree(get("/api/alerts"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("provinces").get(0).asText()).isEqualTo("广东省");
        String feedPath = driver.findElement(By.id("subscribed-feed")).getAttribute("href").replace(url(""), "");
        alerts.runNow(context);
        assertThat(get(feedPath)).contains(AlertRoutesTest.LIVE).contains("open until 2099-06-30");

        driver.get(url("/alerts"));
        assertThat(driver.findElement(By.cssSelector("table.alerts")).getText()).contains("区块链 广东 <img src=x onerror=window.__xss=1>");
        assertThat(driver.executeScript("return window.__xss")).isNull();
        HeadlessChromium.screenshot(driver, SHOTS, "alerts-list");
    }
}
