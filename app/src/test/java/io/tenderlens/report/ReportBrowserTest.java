package io.tenderlens.report;

import io.tenderlens.metrics.ProcurementFilter;
import io.tenderlens.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the sample report in headless Chromium and checks that the charts really rendered: their SVG
 * text is laid out with the Chinese labels, and the bars have size. The screenshot is kept in
 * {@code app/target/report-screenshots/} to look at.
 */
class ReportBrowserTest {
    @TempDir static Path tmp;
    private static ChromeDriver driver;

    @BeforeAll
    static void openReport() throws Exception {
        SampleReports.write(tmp.resolve("report"), SampleReports.metrics(ProcurementFilter.all()));
        driver = HeadlessChromium.start(tmp, 1400, 2200);
        driver.get(tmp.resolve("report/index.html").toUri().toString());
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static List<String> visibleTexts(String chartId) {
        WebElement chart = driver.findElement(By.id(chartId));
        return chart.findElements(By.cssSelector("text")).stream()
                .filter(t -> t.isDisplayed() && t.getSize().getWidth() > 0 && t.getSize().getHeight() > 0)
                .map(WebElement::getText).toList();
    }

    @Test
    void theChartsRenderWithTheirChineseLabels() throws Exception {
        assertThat(visibleTexts("chart-sector")).contains("政务服务 Government services", "教育科研 Education and research",
                "财政金融 Finance, fiscal and tax", "司法 Judicial");
        assertThat(visibleTexts("chart-province")).contains("北京市 Beijing", "广东省 Guangdong", "甘肃省 Gansu");
        assertThat(visibleTexts("chart-level")).contains("地方 Local", "中央 Central");
        assertThat(visibleTexts("chart-money")).contains("2016", "2019", "成交金额 award");
        assertThat(visibleTexts("chart-supplier-province")).contains("北京市 Beijing");
        assertThat(visibleTexts("chart-top-suppliers")).anySatisfy(t -> assertThat(t).contains("深圳市奇迹智慧网络有限公司"));

        // a bar per row, drawn with a width that follows the count (Beijing has the longest bar)
        List<WebElement> bars = driver.findElement(By.id("chart-province")).findElements(By.cssSelector("rect"));
        assertThat(bars).hasSize(SampleReports.metrics(ProcurementFilter.all()).breakdown("province").rows().size());
        assertThat(bars.get(0).getSize().getWidth()).isGreaterThan(bars.get(bars.size() - 1).getSize().getWidth());

        // CJK glyphs really laid out: the Chinese label is wider than its Latin part alone would be
        WebElement beijing = driver.findElement(By.id("chart-province")).findElements(By.cssSelector("text")).stream()
                .filter(t -> t.getText().equals("北京市 Beijing")).findFirst().orElseThrow();
        assertThat(beijing.getSize().getWidth()).isGreaterThan(60);

        Path shot = HeadlessChromium.screenshot(driver, Path.of("target", "report-screenshots"), "report");
        assertThat(Files.size(shot)).isGreaterThan(50_000);
    }

    @Test
    void aBarLinksToTheRowThatListsItsProjects() {
        WebElement link = driver.findElement(By.cssSelector("#chart-province a"));
        String href = link.getDomAttribute("href");
        assertThat(href).contains("#t-province-0");
        WebElement row = driver.findElement(By.id("t-province-0"));
        assertThat(row.getText()).contains("北京市");
        assertThat(row.findElements(By.cssSelector("a"))).isNotEmpty()
                .allSatisfy(a -> assertThat(a.getAttribute("href")).contains("#p-ocds-tenderlens-seed-"));
    }
}
