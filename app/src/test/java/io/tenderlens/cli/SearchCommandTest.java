package io.tenderlens.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.tenderlens.report.SampleReports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SearchCommandTest {
    @TempDir static Path tmp;
    static Path db;




    @BeforeAll
    static void ingestAndIndex() throws Exception {
        db = tmp.resolve("db");
        Path others = tmp.resolve("others.jsonl");
        Files.writeString(others, """
                {"ocid": "ocds-x-furniture", "id": "1", "date": "2020-03-01T00:00:00+08:00", "tag": ["tender"], "buyer": {"name": "某市海关"}, "tender": {"id": "1", "title": "办公家具采购项目"}}
                {"ocid": "ocds-x-stamp", "id": "1", "date": "2020-03-02T00:00:00+08:00", "tag": ["tender"], "tender": {"id": "1", "title": "大庆市人民医院设备采购", "description": "区块链已存证 存证时间：2020-03-02"}}
                {"ocid": "ocds-x-link", "id": "1", "date": "2020-03-03T00:00:00+08:00", "tag": ["tender"], "tender": {"id": "1", "title": "网上链接维护服务"}}
                """, StandardCharsets.UTF_8);
        CommandRun before = CommandRun.of("search", "--db", tmp.resolve("nothing").toString(), "区块链");
        assertThat(before.exit()).isEqualTo(1);
        assertThat(CommandRun.of("ingest", "--db", db.toString(), SampleReports.sampleDirectory().toString(), others.toString()).exit()).isZero();
        CommandRun noIndex = CommandRun.of("search", "--db", db.toString(), "区块链");
        assertThat(noIndex.exit()).isEqualTo(1);
        assertThat(noIndex.err()).contains("tenderlens index");
        CommandRun index = CommandRun.of("index", "--db", db.toString());
        assertThat(index.exit()).as(index.err()).isZero();
        assertThat(index.out()).contains("indexed 45 records");
    }

    @Test
    void findsChineseAndEnglishWithScopesPhrasesAndExclusions() {
        CommandRun chinese = CommandRun.of("search", "--db", db.toString(), "buyer:海关");
        assertThat(chinese.exit()).as(chinese.err()).isZero();
        assertThat(chinese.out()).contains("全国海关信息中心", "ocds-x-furniture").contains("2 hits");

        CommandRun english = CommandRun.of("search", "--db", db.toString(), "--limit", "50", "title:blockchain");
        assertThat(english.out()).contains("Community Correction Blockchain Data Sharing", "ocds-tenderlens-seed-12");

        CommandRun phrase = CommandRun.of("search", "--db", db.toString(), "\"electronic invoice\"");
        assertThat(phrase.out()).contains("ocds-tenderlens-seed-10").contains("1 hit ");

        CommandRun excluded = CommandRun.of("search", "--db", db.toString(), "--limit", "50", "blockchain -correction");
        assertThat(excluded.out()).doesNotContain("ocds-tenderlens-seed-12").contains("ocds-tenderlens-seed-10");

        CommandRun supplier = CommandRun.of("search", "--db", db.toString(), "supplier:腾讯云计算");
        assertThat(supplier.out()).contains("ocds-tenderlens-seed-10").contains("1 hit ");

        CommandRun words = CommandRun.of("search", "--db", db.toString(), "上链");
        assertThat(words.out()).as("网上链接 is not 上链").doesNotContain("ocds-x-link");
    }

    @Test
    void aQueryThatCannotBeReadIsExitTwo() {
        CommandRun bad = CommandRun.of("search", "--db", db.toString(), "title:(区块链");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("cannot read the query");
    }

    @Test
    void aReportReadsTheSameProjectsThroughTheIndexAsByScanning() throws Exception {
        CommandRun indexed = CommandRun.of("report", "--db", db.toString(), "--out", tmp.resolve("indexed").toString());
        assertThat(indexed.exit()).as(indexed.err()).isZero();
        assertThat(indexed.err()).doesNotContain("no current search index");
        String funnel = Files.readString(tmp.resolve("indexed/csv/funnel.csv"), StandardCharsets.UTF_8);
        String projects = Files.readString(tmp.resolve("indexed/csv/projects.csv"), StandardCharsets.UTF_8);

        // an ingest makes the index stale: the report scans instead, and finds the same
        Path more = tmp.resolve("more.jsonl");
        Files.writeString(more, "{\"ocid\": \"ocds-x-chairs\", \"id\": \"1\", \"date\": \"2021-01-01T00:00:00+08:00\", \"tag\": [\"tender\"], \"tender\": {\"id\": \"1\", \"title\": \"课桌椅采购\"}}\n");
        assertThat(CommandRun.of("ingest", "--db", db.toString(), more.toString()).exit()).isZero();
        CommandRun scanned = CommandRun.of("report", "--db", db.toString(), "--out", tmp.resolve("scanned").toString());
        assertThat(scanned.err()).contains("no current search index");
        assertThat(Files.readString(tmp.resolve("scanned/csv/funnel.csv"), StandardCharsets.UTF_8)).isEqualTo(funnel);
        assertThat(Files.readString(tmp.resolve("scanned/csv/projects.csv"), StandardCharsets.UTF_8)).isEqualTo(projects);
        assertThat(CommandRun.of("index", "--db", db.toString()).out()).contains("indexed 46 records");
    }
}
