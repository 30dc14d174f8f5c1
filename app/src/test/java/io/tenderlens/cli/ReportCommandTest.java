package io.tenderlens.cli;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.tenderlens.report.SampleReports;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {
    @TempDir Path tmp;




    @Test
    void writesHtmlXlsxAndCsvOverTheSample() throws Exception {
        Path out = tmp.resolve("report");
        CommandRun r = CommandRun.of("report", "--topic", "blockchain", "--input", SampleReports.sampleDirectory().toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("42 procurements read, 42 projects");

        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("<svg", "北京市", "教育科研", "清华大学", "区块链政府采购报告").doesNotContain("<script");

        byte[] csv = Files.readAllBytes(out.resolve("csv/projects.csv"));
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = Files.readAllLines(out.resolve("csv/projects.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).contains("编号 ocid", "预算金额 budget");
        assertThat(String.join("\n", lines)).contains("27080000", "北京市海淀区政务服务管理局");

        try (InputStream in = Files.newInputStream(out.resolve("report.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("projects").getLastRowNum()).isEqualTo(42);
            assertThat(wb.getSheet("province").getRow(1).getCell(0).getStringCellValue()).isEqualTo("北京市");
            assertThat(wb.getSheet("funnel")).isNotNull();
        }
    }

    @Test
    void runningTwiceGivesTheSameFiles() throws Exception {
        Path out = tmp.resolve("r");
        assertThat(CommandRun.of("report", "--input", SampleReports.sampleDirectory().toString(), "--out", out.toString()).exit()).isZero();
        String first = Files.readString(out.resolve("index.html"));
        byte[] csv = Files.readAllBytes(out.resolve("csv/suppliers.csv"));
        assertThat(CommandRun.of("report", "--input", SampleReports.sampleDirectory().toString(), "--out", out.toString()).exit()).isZero();
        assertThat(Files.readString(out.resolve("index.html"))).isEqualTo(first);
        assertThat(Files.readAllBytes(out.resolve("csv/suppliers.csv"))).isEqualTo(csv);
    }

    @Test
    void filtersByDateAndProvince() {
        Path out = tmp.resolve("f");
        CommandRun r = CommandRun.of("report", "--input", SampleReports.sampleDirectory().toString(), "--from", "2016-12-12", "--to", "2019-09-24",
                "--province", "Guangdong", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("projects on Blockchain").contains("provinces guangdong");
        assertThat(r.out()).containsPattern("42 procurements read, [1-9] projects");
    }

    @Test
    void notesTextIsEscapedAndScriptsNeverReachThePage() throws Exception {
        Path input = tmp.resolve("hostile.json");
        Files.writeString(input, """
                {"releases": [{"ocid": "ocds-x-1", "id": "1", "date": "2020-01-02T00:00:00Z", "tag": ["tender"],
                  "tender": {"id": "t", "title": "区块链平台<script>alert(1)</script><img src=x onerror=alert(2)>"},
                  "buyer": {"name": "某局\\" onmouseover=\\"alert(3)"},
                  "noticeSource": {"url": "javascript:alert(4)", "site": "evil"}}]}""");
        Path out = tmp.resolve("h");
        CommandRun r = CommandRun.of("report", "--input", input.toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).doesNotContain("<script", "<img", "javascript:", "\" onmouseover");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void badOptionsAndInputsSayWhatIsWrong() throws Exception {
        CommandRun noTopic = CommandRun.of("report", "--topic", "nope", "--input", SampleReports.sampleDirectory().toString(), "--out", tmp.resolve("x").toString());
        assertThat(noTopic.exit()).isEqualTo(2);
        assertThat(noTopic.err()).contains("no bundled topic 'nope'", "--topic-file");
        CommandRun missing = CommandRun.of("report", "--input", tmp.resolve("missing.json").toString(), "--out", tmp.resolve("y").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("missing.json", "no such file");
        Path broken = tmp.resolve("broken.jsonl");
        Files.writeString(broken, "{\"ocid\": \"a\", \"id\": \"1\", \"date\": \"2020-01-01T00:00:00Z\", \"tender\": {\"title\": \"区块链\"}}\n{broken\n");
        CommandRun partly = CommandRun.of("report", "--input", broken.toString(), "--out", tmp.resolve("z").toString());
        assertThat(partly.exit()).isZero();
        assertThat(partly.err()).contains("broken.jsonl").contains("line 2");
        assertThat(partly.out()).contains("1 procurements read, 1 projects");
        CommandRun badDates = CommandRun.of("report", "--input", SampleReports.sampleDirectory().toString(), "--from", "2020-01-01", "--to", "2019-01-01", "--out", tmp.resolve("w").toString());
        assertThat(badDates.exit()).isEqualTo(2);
        assertThat(badDates.err()).contains("--from 2020-01-01 is after --to 2019-01-01");
    }

    @Test
    void aUserTopicFileIsAReportOnItsOwnTopic() throws Exception {
        Path topic = tmp.resolve("lottery.json");
        Files.writeString(topic, "{\"id\": \"lottery\", \"labelZh\": \"彩票\", \"labelEn\": \"Lottery\", \"terms\": [\"lottery\", \"彩票\"]}");
        Path out = tmp.resolve("t");
        CommandRun r = CommandRun.of("report", "--topic-file", topic.toString(), "--input", SampleReports.sampleDirectory().toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("42 procurements read, 1 projects on Lottery");
        assertThat(Files.readString(out.resolve("index.html"))).contains("彩票政府采购报告");
    }

    @Test
    void readsTheStoreAfterAnIngest() throws Exception {
        Path db = tmp.resolve("db");
        Path others = tmp.resolve("others.jsonl");
        Files.writeString(others, """
                {"ocid": "ocds-x-furniture", "id": "1", "date": "2020-03-01T00:00:00+08:00", "tag": ["tender"], "tender": {"id": "1", "title": "办公家具采购项目"}}
                {"ocid": "ocds-x-stamp", "id": "1", "date": "2020-03-02T00:00:00+08:00", "tag": ["tender"], "tender": {"id": "1", "title": "大庆市人民医院设备采购", "description": "区块链已存证 存证时间：2020-03-02"}}
                """);
        CommandRun ingest = CommandRun.of("ingest", "--db", db.toString(), SampleReports.sampleDirectory().toString(), others.toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        Path out = tmp.resolve("s");
        CommandRun r = CommandRun.of("report", "--db", db.toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // the furniture record is skipped by the store's term scan; the stamped one is read, graded boilerplate, left out
        assertThat(r.out()).contains("43 procurements read, 42 projects");
        List<String> funnel = Files.readAllLines(out.resolve("csv/funnel.csv"), StandardCharsets.UTF_8);
        assertThat(funnel.get(1)).startsWith("检索命中,search hits,43,43");
        assertThat(funnel.get(2)).startsWith("去除模板文字,boilerplate removed,42,42");
        assertThat(Files.readString(out.resolve("index.html"))).contains("store " + db.toAbsolutePath().normalize(), "北京市海淀区政务服务管理局");
        assertThat(r.err()).contains("updating the search index");
        // the index found what reading the files finds: the same tables
        Path files = tmp.resolve("f");
        assertThat(CommandRun.of("report", "--input", SampleReports.sampleDirectory().toString(), others.toString(),
                "--out", files.toString()).exit()).isZero();
        for (String table : List.of("funnel", "projects", "sector", "province", "growth", "suppliers")) {
            assertThat(Files.readString(out.resolve("csv/" + table + ".csv"))).as(table)
                    .isEqualTo(Files.readString(files.resolve("csv/" + table + ".csv")));
        }
        CommandRun again = CommandRun.of("report", "--db", db.toString(), "--out", tmp.resolve("s2").toString());
        assertThat(again.err()).as("the index is current now").doesNotContain("updating the search index");
        CommandRun empty = CommandRun.of("report", "--db", tmp.resolve("nothing").toString(), "--out", tmp.resolve("e").toString());
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.err()).contains("No tenderlens database");
    }
}
