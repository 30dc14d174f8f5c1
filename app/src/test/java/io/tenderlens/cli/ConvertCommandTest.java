package io.tenderlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tenderlens convert}: notice files in, one OCDS release package out, in input order. */
class ConvertCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    record Run(int exit, String out, String err) {}

    static Run convert(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("convert"));
        all.addAll(List.of(args));
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    @Test
    void pagesBecomeAReleasePackageInInputOrderNamingTheirFiles() throws Exception {
        Path a = SharedData.path("cn-notices/raw-html/ccgp.gov.cn/wpuu__ccgp_award_tianjin_multi_package__20260928.html");
        Path b = SharedData.path("cn-notices/raw-html/ccgp-hebei.gov.cn/hbjiance__weichang_pc_award_20211011.html");
        Path c = SharedData.path("cn-notices/raw-html/ccgp.gov.cn/wpuu__ccgp_event_beijing_package_correction__20260924.html");
        Run run = convert(b.toString(), a.toString(), c.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode pkg = JSON.readTree(run.out());
        assertThat(pkg.path("version").asText()).isEqualTo("1.1");
        assertThat(pkg.path("publishedDate").asText()).isEqualTo("2026-09-28T23:50:00+08:00");
        assertThat(pkg.path("extensions").toString()).contains("ocds_lots_extension");
        List<String> files = new ArrayList<>();
        pkg.path("releases").forEach(r -> files.add(r.path("noticeSource").path("file").asText()));
        assertThat(files).containsExactly(b.toString(), a.toString(), c.toString());
        assertThat(run.err()).contains("3 notices read, 3 releases written");
    }

    @Test
    void aFileThatIsNotANoticeIsNamedAndTheRestConverted() throws Exception {
        Path captcha = dir.resolve("captcha.html");
        Files.writeString(captcha, "<html><head><title>安全验证</title></head><body><h3>安全验证</h3>"
                + "<p>请按住滑块，拖动到最右边</p></body></html>", StandardCharsets.UTF_8);
        Path empty = Files.createFile(dir.resolve("empty.htm"));
        Path page = SharedData.path("cn-notices/raw-html/ccgp.gov.cn/wpuu__ccgp_award_tianjin_single_package__20260928.html");
        Run run = convert(captcha.toString(), empty.toString(), page.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains(captcha + ": not a procurement notice: a security check (安全验证/captcha) page")
                .contains(empty + ": not a procurement notice: the file is empty (0 bytes)")
                .contains("2 inputs not converted");
        assertThat(JSON.readTree(run.out()).path("releases")).hasSize(1);
        Run strict = convert("--strict", captcha.toString(), page.toString());
        assertThat(strict.exit()).isEqualTo(1);
        Run nothing = convert(captcha.toString());
        assertThat(nothing.exit()).isEqualTo(1);
    }

    @Test
    void theCrawlIsLinkedIntoTwentyReleasesWrittenToAFileTheSameEachTime() throws Exception {
        String csv = SharedData.path("cn-notices/csv/junkrango__ccgp_spider__output.csv").toString();
        Path out = dir.resolve("crawl.json");
        Run run = convert("--out", out.toString(), csv);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("500 notices read, 20 releases written (480 exact re-publications merged)");
        byte[] first = Files.readAllBytes(out);
        assertThat(JSON.readTree(first).path("releases")).hasSize(20);
        convert("--out", out.toString(), csv);
        assertThat(Files.readAllBytes(out)).isEqualTo(first);
    }

    @Test
    void textsAndAggregatorRecordsAreNoticesToo() throws Exception {
        Path txt = dir.resolve("notice.txt");
        Files.writeString(txt, "东北大学秦皇岛分校浴池热水采购公开招标公告\n项目编号：HXZB-2018-0022-066\n采购单位：东北大学秦皇岛分校\n"
                + "预算金额：30.0 万元（人民币）\n", StandardCharsets.UTF_8);
        Path json = dir.resolve("aggregator.json");
        Files.writeString(json, "[{\"id\":\"x1\",\"title\":\"大庆龙南医院手术室行为管理系统采购项目招标公告\",\"subtype\":\"招标\","
                + "\"publishTime\":1694759873,\"buyer\":\"大庆龙南医院\",\"budget\":2800000,\"area\":\"黑龙江\",\"city\":\"大庆市\","
                + "\"detail\":\"大庆龙南医院手术室行为管理系统采购项目招标公告 区块链已存证存证时间：存证哈希值：区块高度：项目概况\"}]",
                StandardCharsets.UTF_8);
        Run run = convert(txt.toString(), json.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode releases = JSON.readTree(run.out()).path("releases");
        assertThat(releases).hasSize(2);
        assertThat(releases.get(0).path("tender").path("value").path("amount").decimalValue()).isEqualByComparingTo("300000");
        assertThat(releases.get(0).path("provenance").toString()).contains("date.fileModified");
        JsonNode fromAggregator = releases.get(1);
        assertThat(fromAggregator.path("noticeSource").path("file").asText()).isEqualTo(json + "#0");
        assertThat(fromAggregator.path("noticeSource").path("boilerplate").path(0).asText()).startsWith("区块链已存证");
        assertThat(fromAggregator.path("tender").path("value").path("amount").decimalValue()).isEqualByComparingTo("2800000");
        assertThat(fromAggregator.path("provenance").toString()).contains("metadata.budget");
        assertThat(fromAggregator.path("date").asText()).isEqualTo("2023-09-15T14:37:53+08:00");
    }
}
