package io.tenderlens.server;

import io.tenderlens.testing.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main journeys in headless Chromium, on a desktop window and a 390 px phone: filter the overview,
 * search, open a project, follow its supplier. Screenshots go to {@code app/target/web-screenshots/}.
 */
class JourneyBrowserTest extends BrowserTest {
    static final Path SHOTS = Path.of("target", "web-screenshots");
    private static int figure(String en) {
        WebElement f = driver.findElements(By.cssSelector(".figures .figure")).stream()
                .filter(e -> e.getText().endsWith(en)).findFirst().orElseThrow();
        return Integer.parseInt(f.findElement(By.tagName("b")).getText());
    }

    @Test
    void filterTheOverviewThenFollowABarAndAFilterChip() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 1800));
        driver.get(t.url("/"));
        int all = figure("projects");
        assertThat(driver.findElements(By.cssSelector("#chart-province rect"))).hasSizeGreaterThan(3);
        HeadlessChromium.screenshot(driver, SHOTS, "overview-desktop");
        // choosing a province submits the form (app.js): the view is a link with the filter in it
        new Select(driver.findElement(By.name("province"))).selectByValue("110000");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("province=110000"));
        int beijing = figure("projects");
        assertThat(beijing).isBetween(1, all - 1);
        assertThat(driver.findElements(By.cssSelector("#chart-province rect"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector(".chips")).getText()).contains("province=110000");
        // a bar narrows further: the level chart's first bar adds its level
        driver.findElement(By.cssSelector("#chart-level a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("level="));
        assertThat(figure("projects")).isBetween(1, beijing);
        // removing the province chip widens the view again
        driver.findElements(By.cssSelector(".chips a.chip")).stream().filter(c -> c.getText().contains("province")).findFirst().orElseThrow().click();
        assertThat(driver.getCurrentUrl()).doesNotContain("province=").contains("level=");
        assertThat(figure("projects")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void searchOpenAProjectAndFollowItsSupplier() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 1600));
        driver.get(t.url("/"));
        WebElement box = driver.findElement(By.cssSelector(".quick-search input"));
        box.sendKeys("\"Development Zone\" blockchain\n");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/search?q="));
        assertThat(driver.findElement(By.id("result-count")).getText()).contains("结果 results");
        WebElement first = driver.findElement(By.cssSelector("article.hit h3 a"));
        assertThat(driver.findElements(By.cssSelector("article.hit mark"))).isNotEmpty();
        HeadlessChromium.screenshot(driver, SHOTS, "search-desktop");
        String title = first.getText();
        first.click();
        assertThat(driver.getCurrentUrl()).contains("/project/");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(driver.findElements(By.cssSelector("#timeline li"))).isNotEmpty();
        HeadlessChromium.screenshot(driver, SHOTS, "project-desktop");
        WebElement supplier = driver.findElement(By.cssSelector("#lots a[href^='/supplier/']"));
        String name = supplier.getText();
        supplier.click();
        assertThat(driver.getCurrentUrl()).contains("/supplier/");
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith(name);
        assertThat(driver.findElement(By.id("buyers")).getText()).contains("份额");
        assertThat(driver.findElements(By.cssSelector("#history tbody tr"))).isNotEmpty();
        HeadlessChromium.screenshot(driver, SHOTS, "supplier-desktop");
    }

    @Test
    void onAPhoneThePagesFitTheScreen() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        for (String[] page : new String[][]{{"/", "overview-phone"}, {"/search?q=blockchain", "search-phone"},
                {"/project/" + TestServer.HOSTILE_OCID, "project-phone"}, {"/supplier/" + TestServer.HOSTILE_SUPPLIER_ID, "supplier-phone"},
                {"/live", "live-phone"}}) {
            driver.get(t.url(page[0]));
            long viewport = (Long) driver.executeScript("return document.documentElement.clientWidth");
            long content = (Long) driver.executeScript("return document.documentElement.scrollWidth");
            assertThat(content).as(page[0] + " scrolls sideways on a phone").isLessThanOrEqualTo(viewport);
            HeadlessChromium.screenshot(driver, SHOTS, page[1]);
        }
    }
}
