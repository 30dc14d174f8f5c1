package io.tenderlens.server;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notice whose title, description, buyer, supplier, notice type, provenance and archived bytes carry
 * {@code <script>}, {@code <img onerror>}, {@code onclick} and {@code javascript:} payloads (each would set
 * {@code window.__xss} or the page title) is opened in a real Chromium on every page that shows it:
 * nothing runs, and the text shows literally.
 */
class ScriptInjectionBrowserTest extends BrowserTest {
    private static void assertNothingRan(String path) {
        driver.get(t.url(path));
        // hover and click whatever carries the payload text, as a reader would
        for (WebElement e : driver.findElements(By.xpath("//*[contains(text(), '恶意')]"))) {
            if (e.isDisplayed()) {
                new Actions(driver).moveToElement(e).perform();
            }
        }
        Object flag = driver.executeScript("return typeof window." + TestServer.FLAG + " === 'undefined' ? null : String(window." + TestServer.FLAG + ")");
        assertThat(flag).as("a payload ran on " + path).isNull();
        assertThat(driver.getTitle()).as(path).isNotEqualTo("pwned");
    }

    @Test
    void theProjectPageShowsThePayloadsAsText() {
        String path = "/project/" + TestServer.HOSTILE_OCID;
        assertNothingRan(path);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(TestServer.SCRIPT_TITLE);
        String body = driver.findElement(By.tagName("body")).getText();
        assertThat(body).contains("<img src=x onerror=\"document.title='pwned';window.__xss=2\">恶意采购人",
                "<b onclick=\"window.__xss=3\" onmouseover=\"window.__xss=3\">恶意供应商</b>",
                "<a href=\"javascript:window.__xss=6\" onclick=\"window.__xss=6\">点击 click</a>",
                "公开招标公告<script>window.__xss=8</script>");
        assertThat(driver.findElements(By.cssSelector("main img, main script, main b[onclick]"))).isEmpty();
        // the supplier link is a link to its profile, whose name is text
        driver.findElement(By.linkText(TestServer.ONCLICK_SUPPLIER)).click();
        assertThat(driver.getCurrentUrl()).contains("/supplier/" + TestServer.HOSTILE_SUPPLIER_ID);
        assertNothingRan("/supplier/" + TestServer.HOSTILE_SUPPLIER_ID);
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith(TestServer.ONCLICK_SUPPLIER);
    }

    @Test
    void theOverviewAndSearchShowThePayloadsAsText() {
        assertNothingRan("/?province=110000&limit=100");
        assertThat(driver.findElement(By.id("projects")).getText()).contains(TestServer.SCRIPT_TITLE, TestServer.IMG_BUYER);
        assertNothingRan("/search?q=" + Views.encode("区块链"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(TestServer.SCRIPT_TITLE);
        // highlighting wraps the match, and only the match, in <mark>
        assertThat(driver.findElements(By.cssSelector("article.hit mark"))).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getText()).isEqualTo("区块链"));
        assertNothingRan("/buyer/" + TestServer.HOSTILE_BUYER_ID);
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith(TestServer.IMG_BUYER);
        assertNothingRan("/live");
    }

    @Test
    void theArchivedBytesAreShownAsPlainText() {
        assertNothingRan("/api/archive/" + t.archivedSha256);
        assertThat(driver.findElement(By.tagName("body")).getText()).isEqualTo(TestServer.ARCHIVED_PAGE);
    }
}
