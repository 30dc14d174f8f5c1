package io.tenderlens.cli;

import static io.tenderlens.cli.ArchiveCommandsTest.python;
import static io.tenderlens.cli.ArchiveCommandsTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenderlens.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report links each project to the archived bytes of its sources, and every figure drills down through its
 * records to them: on the bundled sample (its articles archived from ../shared/seeds) and on a store filled from
 * real ccgp notice pages. The copies and proofs in the report check offline with its own verify-proof.py.
 */
class ReportArchivedSourcesTest {
    @TempDir Path tmp;

    @Test
    void theSampleReportLinksEveryProjectToItsArchivedArticle() throws Exception {
        Path data = tmp.resolve("data");
        Path seeds = SharedData.root().resolve("seeds");
        CommandRun add = run("archive", "add", "--db", data.toString(), seeds.toString());
        assertThat(add.exit()).as(add.err()).isZero();
        Path out = tmp.resolve("report");
        CommandRun report = run("report", "--db", data.toString(), "--input", ReportCommand.bundledSample().toString(), "--out", out.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.out()).contains("with 3 archived sources");

        Document index = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertThat(projectsLinkingToArchivedSources(out, index)).hasSize(42);
        // every key number leads to a table of its records, each of which links to its archived sources
        for (Element figure : index.select("a.figure")) {
            Element table = index.getElementById(figure.attr("href").substring(1)).parent();
            String record = table.select("a[href^=#p-]").first().attr("href");
            assertThat(index.getElementById(record.substring(1)).select("a[href^=sources/]")).as(figure.text()).isNotEmpty();
        }
        // a chart's bar → its records → their archived sources: the first bar of the province chart
        String bar = index.select("#chart-province a[href]").first().attr("href");
        Element breakdownRow = index.getElementById(bar.substring(1));
        String project = breakdownRow.select("a[href^=#p-]").first().attr("href");
        Element projectRow = index.getElementById(project.substring(1));
        assertThat(projectRow).as(project).isNotNull();
        String sourcePage = projectRow.select("a[href^=sources/]").first().attr("href");
        Document page = Jsoup.parse(out.resolve(sourcePage).toFile(), "UTF-8");
        assertThat(page.select("a[href=../index.html" + project + "]")).as("the source page names the record back").isNotEmpty();
        assertThat(page.select("pre.text").text()).contains("Tsinghua"); // PANews' article, as text

        String key = Files.readString(data.resolve("archive/public-key.txt")).strip();
        CommandRun checked = python("--report", out.toString(), "--public-key", key);
        assertThat(checked.exit()).as(checked.out()).isZero();
        assertThat(checked.out()).contains("VERIFIED").doesNotContain("FAIL");

        // the data directory itself is refused as the report folder (its archive/ would be mixed with the copies)
        CommandRun intoData = run("report", "--db", data.toString(), "--input", ReportCommand.bundledSample().toString(), "--out", data.toString());
        assertThat(intoData.exit()).isEqualTo(1);
        assertThat(intoData.err()).contains("write the report somewhere else");
        assertThat(run("verify", "--db", data.toString()).exit()).isZero();

        // one flipped byte in a report's copy is caught (the copy is detached from the archive first)
        Path copy = out.resolve("archive").resolve(sourcePage.substring("sources/".length(), sourcePage.length() - ".html".length()));
        byte[] bytes = Files.readAllBytes(copy);
        Files.delete(copy);
        bytes[100] ^= 1;
        Files.write(copy, bytes);
        CommandRun tampered = python("--report", out.toString(), "--public-key", key);
        assertThat(tampered.exit()).isEqualTo(1);
        assertThat(tampered.out()).contains("FAIL  " + copy + " has SHA-256").contains("NOT VERIFIED");
    }

    @Test
    void aStoreOfRealNoticePagesLinksToTheirArchivedBytes() throws Exception {
        Path pages = SharedData.path("cn-notices/raw-html/ccgp.gov.cn");
        Path data = tmp.resolve("data");
        Path converted = tmp.resolve("notices.json");
        CommandRun convert = run("convert", pages.toString(), "-o", converted.toString());
        assertThat(convert.exit()).as(convert.err()).isZero();
        assertThat(run("ingest", "--db", data.toString(), converted.toString()).exit()).isZero();
        assertThat(run("archive", "add", "--db", data.toString(), pages.toString()).exit()).isZero();
        Path topic = Files.writeString(tmp.resolve("hospitals.json"), """
                {"id": "hospital", "labelZh": "医院", "labelEn": "Hospitals", "dictionary": [],
                 "terms": [{"text": "医院", "lang": "zh"}], "exclusions": []}
                """);
        Path out = tmp.resolve("report");
        CommandRun report = run("report", "--db", data.toString(), "--topic-file", topic.toString(), "--out", out.toString());
        assertThat(report.exit()).as(report.err()).isZero();

        Document index = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        List<Element> projects = projectsLinkingToArchivedSources(out, index);
        assertThat(projects).hasSizeGreaterThan(5);
        // the page of a real notice shows its words, decoded, as text
        String anyPage = projects.get(0).select("a[href^=sources/]").first().attr("href");
        Document page = Jsoup.parse(out.resolve(anyPage).toFile(), "UTF-8");
        assertThat(page.select("pre.text").text()).contains("采购");
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("a[href^=http://www.ccgp.gov.cn], a[href^=https://www.ccgp.gov.cn]").size()
                + page.select("th:contains(文件 file)").size()).as("where the notice came from").isPositive();
        CommandRun checked = python("--report", out.toString());
        assertThat(checked.exit()).as(checked.out()).isZero();

        // reported again: the same files, nothing stale
        assertThat(run("report", "--db", data.toString(), "--topic-file", topic.toString(), "--out", out.toString()).exit()).isZero();
        assertThat(python("--report", out.toString()).exit()).isZero();
    }

    /**
     * The rows of the projects table, each checked to link to an archived source; every source link leads to a source
     * page whose bytes and proof are in the report and match.
     */
    private static List<Element> projectsLinkingToArchivedSources(Path out, Document index) throws Exception {
        List<Element> projects = index.select("table.t-projects > tbody > tr");
        for (Element row : projects) {
            assertThat(row.select("td.links a[href^=sources/]")).as("project %s links to an archived source", row.id()).isNotEmpty();
        }
        List<String> links = index.select("a[href^=sources/]").eachAttr("href").stream().distinct().toList();
        assertThat(links).isNotEmpty();
        for (String link : links) {
            String sha = link.substring("sources/".length(), link.length() - ".html".length());
            assertThat(out.resolve(link)).exists();
            assertThat(sha256(out.resolve("archive").resolve(sha))).isEqualTo(sha);
            assertThat(Files.readString(out.resolve("proofs").resolve(sha + ".json"))).contains("\"sha256\" : \"" + sha + "\"");
            Document page = Jsoup.parse(out.resolve(link).toFile(), "UTF-8");
            assertThat(page.select("a[href=../archive/" + sha + "]")).isNotEmpty();
            assertThat(page.select("a[href=../proofs/" + sha + ".json]")).isNotEmpty();
        }
        try (Stream<Path> files = Files.list(out.resolve("sources"))) {
            assertThat(files.count()).as("one page per cited archived source").isEqualTo(links.size());
        }
        return projects;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
