package io.tenderlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convert --workers N} parses on N threads and writes exactly what one thread writes: the same releases in
 * the same order, the same problems in the same order.
 */
class ConvertWorkersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void theRealPagesTextsCrawlAndAggregatorRecordsGiveTheSameBytesOnOneAndOnThreeWorkers() throws Exception {
        // the crawl holds each notice 25 times: out of order, another copy (another row) would be kept
        List<String> inputs = List.of(
                SharedData.path("cn-notices/raw-html").toString(),
                SharedData.path("cn-notices/text-snippets").toString(),
                SharedData.path("cn-notices/csv/junkrango__ccgp_spider__output.csv").toString(),
                SharedData.path("cn-notices/json/daijy0926__zhaotoubiaoshuju/test5.json").toString());
        Path serial = dir.resolve("serial.json");
        Path parallel = dir.resolve("parallel.json");
        CommandRun one = convert(serial, "1", inputs);
        CommandRun three = convert(parallel, "3", inputs);
        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(three.exit()).as(three.err()).isZero();
        assertThat(three.err()).isEqualTo(one.err()).contains("not converted");
        assertThat(Files.readAllBytes(parallel)).isEqualTo(Files.readAllBytes(serial));

        JsonNode releases = JSON.readTree(serial.toFile()).path("releases");
        List<String> files = new ArrayList<>();
        releases.forEach(r -> files.add(r.path("noticeSource").path("file").asText()));
        assertThat(files).hasSizeGreaterThan(40).anyMatch(f -> f.contains("raw-html")).anyMatch(f -> f.contains(".csv#"))
                .anyMatch(f -> f.contains("test5.json#"));
        assertThat(files.get(0)).contains("raw-html"); // input order: the pages first, the aggregator records last
        assertThat(files.get(files.size() - 1)).contains("test5.json#");
    }

    @Test
    void badFilesAmongGoodOnesAreNamedInInputOrderAndTheRestIsConverted() throws Exception {
        Path good = SharedData.path("cn-notices/raw-html/ccgp.gov.cn/wpuu__ccgp_award_tianjin_single_package__20260928.html");
        Path empty = Files.createFile(dir.resolve("a-empty.html"));
        Path page = Files.copy(good, dir.resolve("b-page.html"));
        // an aggregator array cut off after its second record: the two records are kept, the break is named
        String records = "[{\"title\":\"大庆龙南医院手术室行为管理系统采购项目招标公告\",\"subtype\":\"招标\",\"buyer\":\"大庆龙南医院\","
                + "\"detail\":\"大庆龙南医院手术室行为管理系统采购项目招标公告 项目编号：DQLN-2023-017 采购人：大庆龙南医院 预算金额：280万元\"},\n"
                + "{\"title\":\"东北大学秦皇岛分校浴池热水采购公开招标公告\",\"subtype\":\"招标\",\"buyer\":\"东北大学秦皇岛分校\","
                + "\"detail\":\"东北大学秦皇岛分校浴池热水采购公开招标公告 项目编号：HXZB-2018-0022-066 预算金额：30.0 万元\"},\n"
                + "{\"title\":\"未完";
        Path cut = Files.writeString(dir.resolve("c-cut.json"), records, StandardCharsets.UTF_8);
        Path noText = Files.writeString(dir.resolve("d-notext.csv"), "title,url\n某某采购公告,http://example.org/1\n",
                StandardCharsets.UTF_8);
        Path last = Files.copy(good, dir.resolve("e-page.html"));

        Path out = dir.resolve("out.json");
        CommandRun run = CommandRun.of("convert", "--workers", "2", "--out", out.toString(), dir.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> problems = run.err().lines().filter(l -> !l.contains("notices read")).toList();
        assertThat(problems).containsExactly(
                "convert: " + empty + ": not a procurement notice: the file is empty (0 bytes)",
                "convert: " + cut + " (line 3, byte offset " + records.getBytes(StandardCharsets.UTF_8).length
                        + "): broken JSON: Unexpected end-of-input in VALUE_STRING",
                "convert: " + noText + " (line 1): no text column: expected a header with content (or text, detail) and title "
                        + "(or name), time, url");
        List<String> files = new ArrayList<>();
        JSON.readTree(out.toFile()).path("releases").forEach(r -> files.add(r.path("noticeSource").path("file").asText()));
        // the two copies of the page are one release, the first; the records before the break are kept
        assertThat(files).containsExactly(page.toString(), cut + "#0", cut + "#1");
        assertThat(run.err()).contains("4 notices read, 3 releases written (1 exact re-publications merged), 3 inputs not converted");
        assertThat(last).exists();
    }

    @Test
    void noWorkersIsWrongUsage() {
        CommandRun run = CommandRun.of("convert", "--workers", "0", "x.html");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--workers must be at least 1, not 0");
    }

    private static CommandRun convert(Path out, String workers, List<String> inputs) {
        List<String> args = new ArrayList<>(List.of("convert", "--workers", workers, "--out", out.toString()));
        args.addAll(inputs);
        return CommandRun.of(args.toArray(String[]::new));
    }
}
